// The stack's LiveKit API for benches that work below the app: publisher tokens for rooms the
// app does not own, and egress calls.
import { AccessToken, EgressClient } from 'livekit-server-sdk';
import type { TokenResponse } from '../../src/types/room';
import { requireEnv } from './env';

const lkHttp = () => requireEnv('LIVEKIT_URL').replace(/^ws/, 'http');

export const egressClient = () => new EgressClient(lkHttp(), requireEnv('LIVEKIT_API_KEY'), requireEnv('LIVEKIT_API_SECRET'));

/** A token that may publish (and not subscribe) in `room`, signed with the stack's keys. */
export async function publisherToken(room: string, identity: string): Promise<TokenResponse> {
  const at = new AccessToken(requireEnv('LIVEKIT_API_KEY'), requireEnv('LIVEKIT_API_SECRET'), { identity });
  at.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: false });
  return { serverUrl: requireEnv('LIVEKIT_URL'), token: await at.toJwt(), room, identity } as TokenResponse;
}
