import 'server-only';
import { applyWebhookEvent, type ApplyResult } from '../channels/live-state';
import { unauthorized } from '../http/errors';
import { TASKS, wake } from '../loop';
import { getWebhookReceiver } from './clients';

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
  if (result === 'applied') wake(TASKS.streams); // push the new live state to open pages now
  // A DJ who joined or published may hold rights from a token minted before a boundary: check now, not at the next pass.
  if (event.event === 'participant_joined' || event.event === 'track_published') wake(TASKS.enforce);
  return result;
}
