import 'server-only';
import { type LoopTask, TASKS } from '../loop';
import { refreshAll } from './hub';

/** Streams refresh at least this often, and at once when something wakes the task (a webhook, an enforcement step, a new tempo). */
const REFRESH_MS = 1_000;

/** The live update streams as a task of the one background loop. */
export function streamsTask(): LoopTask {
  return { name: TASKS.streams, maxIntervalMs: REFRESH_MS, retryMs: REFRESH_MS, run: async () => (await refreshAll(), null) };
}
