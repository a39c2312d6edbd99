import 'server-only';
import { type BpmReading, type SteadyCandidate, steadyReading } from '@/lib/bpm/publish';

/**
 * The OBS analyser's lock: no tempo goes out until two windows of audio with no sample in common
 * held steady on the same tempo. The start of an ingress stream is distorted now and then (the
 * jitter buffers squeeze and stretch it: 114-122 BPM read from a 128 BPM set, steady for more than
 * a second), and one window's steadiness cannot tell that from music; a later window without those
 * samples can. Each window must first hold its own tempo for `STEADY_HOLD_MS` (`steadyReading`).
 */

/** How closely the two windows must agree (1% is 1.3 BPM at 128; the analyser's jitter is ~0.3). */
export const LOCK_AGREEMENT = 0.01;

/** `reference`: what the previous window held steady at; `windows`: each window's steady tempo, for the log. */
export type ObsLock = { locked: boolean; reference: number | null; candidate: SteadyCandidate; windows: number[] };

export const UNLOCKED: ObsLock = { locked: false, reference: null, candidate: null, windows: [] };

/**
 * `publish`: hand the reading to the throttle (`shouldPublish`); `wait`: publish nothing yet;
 * `restart`: publish nothing and analyse from a fresh window (a new analyser) from the next sample.
 */
export type LockAction = 'publish' | 'wait' | 'restart';

/**
 * The next lock state and what to do with `reading` (from the current window's analyser).
 * `distorted`: the receiver stretched, squeezed or filled in this window's audio (or, once locked,
 * the last few seconds'), as WebRTC's counters say (receiver-watch.ts): such audio is no evidence.
 */
export function lockStep(lock: ObsLock, reading: BpmReading, distorted = false): { lock: ObsLock; action: LockAction } {
  const steady = steadyReading(lock.candidate, reading);
  const next: ObsLock = { ...lock, candidate: steady.candidate };
  // "No beat" is no tempo: it goes out at once, and leaves the reference for when the beat is back.
  if (reading.bpm === null) return { lock: next, action: 'publish' };
  // Locked: the published tempo stays until the audio is whole again.
  if (distorted && lock.locked) return { lock: next, action: 'wait' };
  if (!steady.steady) return { lock: next, action: 'wait' };
  const windows = [...lock.windows, reading.bpm];
  // Unlocked: the window is dropped, and the reference stays for the next whole window to agree with.
  if (distorted) return { lock: { ...lock, candidate: null, windows }, action: 'restart' };
  const agrees = lock.reference !== null && Math.abs(reading.bpm - lock.reference) <= lock.reference * LOCK_AGREEMENT;
  // Once locked, the tempo may drift within the agreement and goes out as it does. A change beyond
  // it is confirmed like a start, by a fresh window, while the published tempo stays: a new track
  // waits a few seconds, but a stream squeezed for a while (the receiver starved of CPU read 139 BPM
  // from a 128 BPM set under stress-ng, after the lock) never reaches listeners.
  if (lock.locked) {
    if (agrees) return { lock: next, action: 'publish' };
    return { lock: { locked: false, reference: reading.bpm, candidate: null, windows }, action: 'restart' };
  }
  if (agrees) {
    // The lock's reference is the tempo going out from now on.
    return { lock: { ...next, locked: true, reference: reading.bpm, windows }, action: 'publish' };
  }
  return { lock: { locked: false, reference: reading.bpm, candidate: null, windows }, action: 'restart' };
}
