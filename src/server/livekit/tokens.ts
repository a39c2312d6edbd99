import 'server-only';
import { randomUUID } from 'node:crypto';
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';
import { type RoomRole, channelRoom, IDENTITY_PREFIX, type TokenResponse } from '@/types/room';
import { getEnv } from '../env';
import { djGrant, grantFor, ttlFor } from './grants';

export type TokenSubject =
  | { role: 'listener' }
  | { role: 'dj'; userId: string; name: string; canPublish?: boolean; ttlSeconds?: number; attributes?: Record<string, string> };

/** Identity of a DJ's browser session: one per account, so a second tab replaces the first. */
export const djIdentity = (userId: string) => `${IDENTITY_PREFIX.dj}${userId}`;

function identityFor(subject: TokenSubject): string {
  return subject.role === 'dj' ? djIdentity(subject.userId) : `${IDENTITY_PREFIX.listener}${randomUUID()}`;
}

type TokenOptions = { name?: string; ttl: number | string; attributes?: Record<string, string> };

/** Signs a room token with the app's API key: one identity, one grant. */
export async function signToken(identity: string, grant: VideoGrant, { name, ttl, attributes }: TokenOptions): Promise<string> {
  const env = getEnv();
  const token = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, { identity, name, ttl, attributes });
  token.addGrant(grant);
  return token.toJwt();
}

/** Mints a short-lived token for one channel's room with exactly the role's grant. */
export async function mintToken(channelId: string, subject: TokenSubject): Promise<TokenResponse> {
  const env = getEnv();
  const room = channelRoom(channelId);
  const identity = identityFor(subject);
  const role: RoomRole = subject.role;
  const grant = subject.role === 'dj' ? djGrant(room, subject.canPublish ?? false) : grantFor(role, room);
  const token = await signToken(identity, grant, {
    name: subject.role === 'dj' ? subject.name : undefined,
    ttl: subject.role === 'dj' && subject.ttlSeconds ? Math.max(1, Math.min(ttlFor(role), subject.ttlSeconds)) : ttlFor(role),
    attributes: { ...(subject.role === 'dj' ? subject.attributes : {}), role },
  });
  return { serverUrl: env.LIVEKIT_URL, token, room, identity };
}
