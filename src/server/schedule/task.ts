import 'server-only';
import { type LoopTask, TASKS } from '../loop';
import { enforceAll } from './enforce';

/** Safety interval: repairs what no event told us (a participant that joined with a stale token). */
const SAFETY_INTERVAL_MS = 15_000;

/** Slot enforcement as a task of the one background loop: wakes at the next boundary of any channel. */
export function enforcementTask(): LoopTask {
  return { name: TASKS.enforce, maxIntervalMs: SAFETY_INTERVAL_MS, retryMs: 1_000, run: enforceAll };
}
