import 'server-only';
import type { WebhookEvent } from 'livekit-server-sdk';
import { getWebhookReceiver } from './clients';

/**
 * A LiveKit webhook's event, once its signature (a JWT whose sha256 claim covers the exact raw
 * body) checks out; null when it does not. What the event then changes: src/server/webhooks.
 */
export async function verifyWebhook(rawBody: string, authorization: string): Promise<WebhookEvent | null> {
  try {
    return await getWebhookReceiver().receive(rawBody, authorization);
  } catch {
    return null;
  }
}
