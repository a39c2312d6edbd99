import 'server-only';
import type { IngressStatus } from '@/types/ingress';
import { getIngressClient } from '../livekit';
import { processSingleton } from '../singleton';
import { toIngressStatus } from './options';
import { TEARDOWN_POLL_MS, teardownStep } from './teardown-plan';

/**
 * Ingresses being stopped for deletion: the supervision loop must not re-enable them
 * meanwhile. A process singleton: route handlers add to it, the loop reads it.
 */
const stopping = processSingleton('ingress.stopping', () => new Set<string>());

export function isBeingDeleted(ingressId: string): boolean {
  return stopping.has(ingressId);
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
 */
export async function stopThenDelete(ingressId: string): Promise<void> {
  const started = Date.now();
  let stoppedAt: number | null = null;
  stopping.add(ingressId);
  try {
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
  } finally {
    stopping.delete(ingressId);
  }
}
