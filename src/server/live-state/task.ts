import 'server-only';
import { getEnv } from '../env';
import { type LoopTask, TASKS } from '../loop';
import { superviseLiveState } from './reconciler';

/** How often LiveKit is probed, whatever RECONCILE_INTERVAL_SECONDS says: outages must show fast. */
const PROBE_INTERVAL_MS = 1000;

/**
 * Live-state supervision as a task of the one background loop: a step every PROBE_INTERVAL_MS
 * (or RECONCILE_INTERVAL_SECONDS when shorter); a failing step is logged once per streak by the
 * loop and retried at the next step.
 */
export function reconcileTask(): LoopTask {
  const stepMs = Math.min(PROBE_INTERVAL_MS, getEnv().RECONCILE_INTERVAL_SECONDS * 1000);
  return {
    name: TASKS.reconcile,
    maxIntervalMs: stepMs,
    retryMs: stepMs,
    run: async () => {
      await superviseLiveState();
      return null;
    },
  };
}
