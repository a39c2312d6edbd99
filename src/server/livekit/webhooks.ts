import 'server-only';
import { applyWebhookEvent, type ApplyResult } from '../channels/live-state';
import { unauthorized } from '../http/errors';
import { getWebhookReceiver } from './clients';
import { enforcePublishRules } from './publish-rules';

/**
 * Verifies a LiveKit webhook (signed JWT whose sha256 claim covers the raw
 * body) before anything else, then applies it once.
 */
export async function receiveWebhook(rawBody: string, authorization: string | null): Promise<ApplyResult> {
  if (!authorization) throw unauthorized('Missing webhook signature.');
  let event;
  try {
    event = await getWebhookReceiver().receive(rawBody, authorization);
  } catch {
    throw unauthorized('Invalid webhook signature.');
  }
  const result = await applyWebhookEvent(event);
  // Also on a redelivery: if enforcing failed the first time, LiveKit's retry tries again.
  await enforcePublishRules(event);
  return result;
}
