import 'server-only';
import { liveStateKnown } from '../live-state';
import { getEnv } from '../env';
import { type LoopTask, TASKS } from '../loop';
import { superviseEgress } from './supervise';

/**
 * Egress supervision as a task of the one background loop: a pass at the reconcile
 * interval, or sooner when a restart with backoff is due. Skipped while live state is
 * unknown (LiveKit down or just restarted): it would act on a stale picture.
 */
export function egressTask(): LoopTask {
  const intervalMs = getEnv().RECONCILE_INTERVAL_SECONDS * 1000;
  return {
    name: TASKS.egress,
    maxIntervalMs: intervalMs,
    retryMs: Math.min(intervalMs, 5000),
    run: async () => (liveStateKnown() ? (await superviseEgress()).nextWakeAt : null),
  };
}
