import 'server-only';
import type { IngressStatus } from '@/types/ingress';
import { getIngressClient } from '../livekit';
import { processSingleton } from '../singleton';
import { toIngressStatus } from './options';
import { singleFlight, TEARDOWN_POLL_MS, teardownStep } from './teardown-plan';

/**
 * Ingresses being stopped for deletion, with the deletion in flight: the supervision loop must not
 * re-enable them meanwhile, and a second delete of one joins the first. A process singleton: route
 * handlers add to it, the loop reads it.
 */
const deleting = processSingleton('ingress.deleting', () => new Map<string, Promise<void>>());

export function isBeingDeleted(ingressId: string): boolean {
  return deleting.has(ingressId);
}

const gone = (err: unknown) => (err as { status?: unknown }).status === 404 || /not.?found|does not exist/i.test(String(err));

/** The ingress's status at LiveKit, or null once it no longer exists. */
async function statusOf(ingressId: string): Promise<IngressStatus | null> {
  try {
    const [info] = await getIngressClient().listIngress({ ingressId });
    return info ? toIngressStatus(info) : null;
  } catch (err) {
    if (gone(err)) return null;
    throw err;
  }
}

async function remove(ingressId: string): Promise<void> {
  try {
    await getIngressClient().deleteIngress(ingressId);
  } catch (err) {
    if (!gone(err)) throw err;
  }
}

/**
 * Deletes an ingress without racing its teardown (teardown-plan.ts): an active one
 * is disabled first and deleted once LiveKit reports its session over, within a bound.
 * A delete of an ingress already being deleted waits for that one instead of calling LiveKit again.
 */
export function stopThenDelete(ingressId: string): Promise<void> {
  return singleFlight(deleting, ingressId, () => teardown(ingressId));
}

async function teardown(ingressId: string): Promise<void> {
  const started = Date.now();
  let stoppedAt: number | null = null;
  for (;;) {
    const status = await statusOf(ingressId);
    const now = Date.now();
    const step = teardownStep(status, { elapsedMs: now - started, sinceStopMs: stoppedAt === null ? null : now - stoppedAt });
    if (step.do === 'done') return;
    if (step.do === 'delete') {
      if (step.forced) console.warn(`[ingress] ${ingressId} still active after stopping it: deleting anyway`);
      return await remove(ingressId);
    }
    if (step.do === 'stop') {
      // `name` is required by the SDK's type; an empty one leaves it unchanged.
      await getIngressClient().updateIngress(ingressId, { name: '', enabled: false });
      stoppedAt = Date.now();
    } else {
      await new Promise((r) => setTimeout(r, TEARDOWN_POLL_MS));
    }
  }
}
