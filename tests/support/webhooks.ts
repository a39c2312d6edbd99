import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { channelRoom } from '@/types/room';
import { stackEnv } from './stack-env';

/** Signs a webhook body the way LiveKit does: a JWT from the API key whose sha256 claim covers the body. */
export async function signWebhook(body: string, apiKey: string, apiSecret: string): Promise<string> {
  const token = new AccessToken(apiKey, apiSecret, { ttl: 60 });
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

/**
 * A webhook body shaped like LiveKit's own for a DJ's audio track being published in a channel,
 * dated now or at `createdAtMs` (as a sender with a wrong clock would).
 */
export function trackPublishedBody(channelId: string, eventId: string, djName: string, createdAtMs = Date.now()): string {
  return JSON.stringify({
    event: 'track_published',
    id: eventId,
    createdAt: String(Math.floor(createdAtMs / 1000)),
    room: { sid: 'RM_test', name: channelRoom(channelId) },
    participant: { sid: `PA_${eventId}`, identity: `dj-${eventId}`, name: djName },
    track: { sid: `TR_${eventId}`, type: 'AUDIO', source: 'MICROPHONE' },
  });
}

/** Posts a webhook body to the stack's app with the given Authorization header (or none). */
export function postWebhook(body: string, authorization?: string): Promise<Response> {
  return fetch(new URL('/api/livekit/webhook', stackEnv().APP_URL), {
    method: 'POST',
    headers: { 'content-type': 'application/webhook+json', ...(authorization ? { authorization } : {}) },
    body,
  });
}
