import 'server-only';
import { type LoopTask, TASKS } from '../loop';
import { stopObsTempo, superviseObsTempo } from './obs-tempo';
import { relayTempo } from './relay';

/** About once a second: the publisher sends at most one change a second, listeners see it within ~2 s. */
const RELAY_INTERVAL_MS = 1_000;
/** How soon an OBS set no webhook told us about gets its analyser (webhooks wake the task at once). */
const OBS_STEP_MS = 2_000;

/** The tempo relay (on-air publisher's attributes to the live streams and the tempo curve). */
export function tempoTask(): LoopTask {
  return {
    name: TASKS.tempo,
    maxIntervalMs: RELAY_INTERVAL_MS,
    retryMs: RELAY_INTERVAL_MS,
    run: async (now) => (await relayTempo(now), null),
  };
}

/** The OBS tempo analysers: at most one per channel whose live publisher is an OBS input. */
export function obsTempoTask(): LoopTask {
  return {
    name: TASKS.obsTempo,
    maxIntervalMs: OBS_STEP_MS,
    retryMs: OBS_STEP_MS,
    run: async () => {
      await superviseObsTempo();
      return null;
    },
    release: stopObsTempo,
  };
}
