import 'server-only';
import { liveStateKnown } from '../live-state';
import { type LoopTask, TASKS } from '../loop';
import { holdGreenRoomInputs } from './green-room';
import { superviseIngress } from './supervise';

/** How often OBS inputs are brought in line with "may publish now" (slot starts and ends). */
const SUPERVISE_STEP_MS = 2000;

/**
 * OBS inputs follow the slot rules within a couple of seconds of a boundary. Skipped while live
 * state is unknown (LiveKit down or just restarted; the reconciler wakes this task once it is known).
 */
export function ingressTask(): LoopTask {
  return {
    name: TASKS.ingress,
    maxIntervalMs: SUPERVISE_STEP_MS,
    retryMs: SUPERVISE_STEP_MS,
    run: async () => {
      if (!liveStateKnown()) return null;
      const { changed } = await superviseIngress();
      if (changed > 0) console.info(`[ingress] changed ${changed} OBS input(s)`);
      return null;
    },
  };
}

/** The green-room hold as a task of the one background loop; idle while no input waits in a green room. */
export function obsHoldTask(): LoopTask {
  return { name: TASKS.obsHold, maxIntervalMs: 2_000, retryMs: 250, run: holdGreenRoomInputs };
}
