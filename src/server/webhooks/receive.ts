import 'server-only';
import { refuseDisabledJoin } from '../accounts';
import { applyWebhookEvent, type ApplyResult } from '../live-state';
import { reactToWebhook } from '../egress';
import { BODY_LIMITS, readBodyText, unauthorized } from '../http';
import { guardIngressWebhook } from '../ingress';
import { TASKS, wake } from '../loop';
import { verifyWebhook } from '../livekit';
import { logChannel } from '../log';
import { metrics } from '../metrics';
import { enforcePublishRules } from '../publishing';
import { admitDj } from '../schedule';

const OBS_TEMPO_EVENTS = new Set(['track_published', 'track_unpublished', 'participant_left', 'room_finished']);

/** A failed grant is not the webhook's failure: the enforcement pass woken below grants it too. */
const admit = (event: Parameters<typeof admitDj>[0]) =>
  admitDj(event).catch((err: unknown) => {
    console.warn('[schedule] could not grant a joining DJ:', err instanceof Error ? err.message : err);
    return false;
  });

/**
 * Verifies a LiveKit webhook (signed JWT whose sha256 claim covers the raw
 * body) before anything else, then applies it once. Without a signature the
 * body is never read; with one, at most a few KB are.
 */
export async function receiveWebhook(req: Request): Promise<ApplyResult> {
  const authorization = req.headers.get('authorization');
  if (!authorization) throw unauthorized('Missing webhook signature.');
  // The signature covers the exact bytes, so the body is read raw, never re-serialised.
  const rawBody = await readBodyText(req, BODY_LIMITS.webhook);
  const event = await verifyWebhook(rawBody, authorization);
  if (!event) {
    metrics.webhook('unknown', 'invalid_signature');
    throw unauthorized('Invalid webhook signature.');
  }
  logChannel(event.room?.name);
  // The ingress guard first (an OBS push without rights must lose them within 1 s): an OBS track it
  // holds muted in the green room is not on air, so the live state must know. A disabled account's
  // browser that joined with an old token is cut here too, not at the next enforcement pass. A DJ's
  // browser joins without publish rights and gets them here once the server checked it may publish now.
  const [guard] = await Promise.all([guardIngressWebhook(event), refuseDisabledJoin(event), admit(event)]);
  const result = await applyWebhookEvent(event, { held: guard === 'held' });
  metrics.webhook(event.event, result);
  // Also on a redelivery: if enforcing failed the first time, LiveKit's retry tries again.
  await enforcePublishRules(event);
  // Egress start/stop runs after the response: starting one takes seconds, and
  // the supervisor repairs whatever a crash here leaves undone.
  if (result !== 'duplicate') {
    void reactToWebhook(event).catch((err: unknown) =>
      console.warn('[egress] webhook reaction failed:', err instanceof Error ? err.message : err),
    );
  }
  if (result === 'applied') {
    wake(TASKS.streams); // push the new live state to open pages now
    // A channel that went on air: its followers hear of it now, not at the push task's next step.
    if (event.event === 'track_published') wake(TASKS.push);
  }
  // A DJ who joined or published: grant (if the fast path above failed) or repair now, not at the next pass.
  if (event.event === 'participant_joined' || event.event === 'track_published') wake(TASKS.enforce);
  // An OBS set starting or ending gets (or loses) its tempo analyser now, not at the next step.
  if (result === 'applied' && OBS_TEMPO_EVENTS.has(event.event)) wake(TASKS.obsTempo);
  // A DJ on air takes over from AutoDJ's replay now; a DJ gone off air is followed by one within seconds.
  if (result === 'applied' && OBS_TEMPO_EVENTS.has(event.event)) wake(TASKS.autodj);
  return result;
}
