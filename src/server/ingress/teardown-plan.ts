import type { IngressStatus } from '@/types/ingress';

/**
 * Deleting an ingress that is streaming races the ingress's last state update in
 * livekit-server v1.13.5 (the server panics: docs/livekit-patch.md). So an active
 * ingress is first disabled, which makes LiveKit stop its session and refuse
 * reconnects (ingress v1.5.0 kills the handler on any update of an active
 * ingress), and is deleted only once its state says the session ended.
 */
export const TEARDOWN_BOUND_MS = 5_000;
export const TEARDOWN_POLL_MS = 200;
/**
 * A stop sent while the session is still starting (buffering, handler not up yet)
 * reaches no handler and is lost; sent again this often until the session ends.
 */
export const RESTOP_MS = 1_000;

export type TeardownStep =
  /** Already gone at LiveKit. */
  | { do: 'done' }
  /** Active: disable it (ends the session, refuses reconnects). */
  | { do: 'stop' }
  /** Stop requested, session not ended yet: look again in a moment. */
  | { do: 'wait' }
  /** Idle (or the bound passed: the patched server survives the race, the key must still go). */
  | { do: 'delete'; forced: boolean };

const ACTIVE: ReadonlySet<IngressStatus> = new Set(['connecting', 'live']);

export function teardownStep(status: IngressStatus | null, progress: { elapsedMs: number; sinceStopMs: number | null }): TeardownStep {
  if (status === null) return { do: 'done' };
  if (!ACTIVE.has(status)) return { do: 'delete', forced: false };
  if (progress.elapsedMs >= TEARDOWN_BOUND_MS) return { do: 'delete', forced: true };
  if (progress.sinceStopMs === null || progress.sinceStopMs >= RESTOP_MS) return { do: 'stop' };
  return { do: 'wait' };
}

/**
 * Runs `run` for `key` unless a run for it is in flight, in which case the caller joins that one.
 * Two deletes of one ingress (a removal and a supervision pass, a retried action) must not both
 * call LiveKit: the second DeleteIngress loads what the first is removing.
 */
export function singleFlight(inFlight: Map<string, Promise<void>>, key: string, run: () => Promise<void>): Promise<void> {
  const running = inFlight.get(key);
  if (running) return running;
  const started = run().finally(() => {
    if (inFlight.get(key) === started) inFlight.delete(key);
  });
  inFlight.set(key, started);
  return started;
}
