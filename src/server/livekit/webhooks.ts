import 'server-only';
import { applyWebhookEvent, type ApplyResult } from '../channels/live-state';
import { guardIngressWebhook } from '../ingress';
import { unauthorized } from '../http/errors';
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
  // The ingress guard runs beside the state update: an OBS push without rights must lose them within 1 s.
  const [result] = await Promise.all([applyWebhookEvent(event), guardIngressWebhook(event)]);
  return result;
}
