import 'server-only';
import { type LoopTask, TASKS } from '../loop';
import { pushPass } from './notify';

/**
 * Safety interval: a channel that went on air without a webhook waking us (the reconciler, an OBS set
 * unmuted at its slot start) is noticed within this; reminders wake the task at their due time.
 */
const SAFETY_INTERVAL_MS = 15_000;

/** Follow's notifications as a task of the one background loop (woken by webhooks that change live state). */
export function pushTask(): LoopTask {
  return { name: TASKS.push, maxIntervalMs: SAFETY_INTERVAL_MS, retryMs: 5_000, run: pushPass };
}
