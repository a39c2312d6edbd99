import 'server-only';
import { type LoopTask, TASKS } from '../loop';
import { recordPeakListeners } from './peak-listeners';

/** Listener counts move with joins and leaves; a few seconds is fine for a set's peak. */
const SAMPLE_MS = 3_000;

/** Each open set's peak listener count, sampled every few seconds. */
export function peakListenersTask(): LoopTask {
  return { name: TASKS.peakListeners, maxIntervalMs: SAMPLE_MS, retryMs: SAMPLE_MS, run: async () => (await recordPeakListeners(), null) };
}
