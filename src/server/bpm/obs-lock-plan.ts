import 'server-only';
import { type BpmReading, type SteadyCandidate, steadyReading } from '@/lib/bpm/publish';

/**
 * The OBS analyser's lock: no tempo goes out until two windows of audio with no sample in common
 * held steady on the same tempo. The start of an ingress stream is distorted now and then (the
 * jitter buffers squeeze and stretch it: 114-122 BPM read from a 128 BPM set, steady for more than
 * a second), and one window's steadiness cannot tell that from music; a later window without those
 * samples can. Each window must first hold its own tempo for `STEADY_HOLD_MS` (`steadyReading`).
 */

/**
 * How closely two whole windows must agree to lock: 0.4% is 0.5 BPM at 128, the accuracy listeners
 * are promised, and the analyser's jitter between whole windows is ~0.3. (1% let a window that read
 * 128.7 from a 128 BPM push lock with one that read 127.9, and 128.7 went out: fresh-clone run C.)
 */
export const LOCK_AGREEMENT = 0.004;
/** Once locked, how far the tempo may drift from the lock and go out as it does (a DJ's pitch fader). */
export const DRIFT_AGREEMENT = 0.01;
/**
 * How long such a drift must hold (within SAME_TEMPO of itself) before it goes out; until then the
 * lock does. A pitch fader's move stays; a receiver starved of CPU reshapes the audio for a few
 * seconds and read 129.0 from a 128 BPM push after the lock (`stress-ng --cpu 4`, 2026-12-06).
 */
export const DRIFT_HOLD_MS = 6_000;
/** A drift holds only through steady readings this close together (they come every 0.2 s of audio): a gap starts it over. */
export const DRIFT_GAP_MS = 1_000;
/** A drift from the lock: its tempo, since when it holds, and its last steady reading. */
export type Drift = { bpm: number; since: number; last: number } | null;
/**
 * Once locked, a reading this close to the lock is the same tempo and the lock goes out, not the
 * reading: one analyser's bias (a window that read 128.6 beside one at 127.9) never reaches listeners.
 */
export const SAME_TEMPO = LOCK_AGREEMENT;

/**
 * `reference`: the locked tempo, or unlocked the last whole window's steady tempo; `older`: the whole
 * window before that (unlocked), which a new window may agree with instead, so one odd window costs
 * one window, not two; `windows`: each window's steady tempo, for the log.
 */
export type ObsLock = {
  locked: boolean;
  reference: number | null;
  older: number | null;
  candidate: SteadyCandidate;
  /** Locked: a drift from the lock and since when it holds (DRIFT_HOLD_MS). */
  drift: Drift;
  windows: number[];
};

export const UNLOCKED: ObsLock = { locked: false, reference: null, older: null, candidate: null, drift: null, windows: [] };

/**
 * `publish`: hand `reading` to the throttle (`shouldPublish`); `wait`: publish nothing yet;
 * `restart`: publish nothing and analyse from a fresh window (a new analyser) from the next sample.
 */
export type LockAction = 'publish' | 'wait' | 'restart';
export type LockStep = { lock: ObsLock; action: LockAction; reading: BpmReading };

const near = (a: number, b: number | null, share: number): boolean => b !== null && Math.abs(a - b) <= b * share;

/**
 * The next lock state and what to do with `reading` (from the current window's analyser).
 * `distorted`: the receiver stretched, squeezed or filled in this window's audio (or, once locked,
 * the last few seconds'), as WebRTC's counters say (receiver-watch.ts): such audio is no evidence.
 */
export function lockStep(lock: ObsLock, reading: BpmReading, distorted = false): LockStep {
  const steady = steadyReading(lock.candidate, reading);
  const next: ObsLock = { ...lock, candidate: steady.candidate };
  // "No beat" is no tempo: it goes out at once, and leaves the reference for when the beat is back.
  if (reading.bpm === null) return { lock: next, action: 'publish', reading };
  // Locked: the published tempo stays until the audio is whole again.
  if (distorted && lock.locked) return { lock: next, action: 'wait', reading };
  if (!steady.steady) return { lock: next, action: 'wait', reading };
  const bpm = reading.bpm;
  const windows = [...lock.windows, bpm];
  // Unlocked: the window is dropped, and the references stay for the next whole window to agree with.
  if (distorted) return { lock: { ...lock, candidate: null, windows }, action: 'restart', reading };
  // Once locked, the tempo may drift within DRIFT_AGREEMENT and goes out once it held. A change beyond
  // it is confirmed like a start, by a fresh window, while the published tempo stays: a new track
  // waits a few seconds, but a stream squeezed for a while (the receiver starved of CPU read 139 BPM
  // from a 128 BPM set under stress-ng, after the lock) never reaches listeners.
  if (lock.locked) return lockedStep(lock, next, reading, bpm, windows);
  const match = [lock.reference, lock.older].find((r): r is number => r !== null && near(bpm, r, LOCK_AGREEMENT));
  if (match === undefined) {
    return { lock: { ...UNLOCKED, reference: bpm, older: lock.reference, windows }, action: 'restart', reading };
  }
  // What the two windows say together goes out, and the tempo drift is measured from.
  const locked = Math.round(((bpm + match) / 2) * 100) / 100;
  return {
    lock: { ...next, locked: true, reference: locked, older: null, windows },
    action: 'publish',
    reading: { ...reading, bpm: locked },
  };
}

/** A steady reading once locked: the lock, a drift that has held, or (beyond DRIFT_AGREEMENT) a fresh start. */
function lockedStep(lock: ObsLock, next: ObsLock, reading: BpmReading, bpm: number, windows: number[]): LockStep {
  const held = { ...reading, bpm: lock.reference };
  if (near(bpm, lock.reference, SAME_TEMPO)) return { lock: { ...next, drift: null }, action: 'publish', reading: held };
  if (near(bpm, lock.reference, DRIFT_AGREEMENT)) {
    const prior = lock.drift;
    const holds = prior !== null && near(bpm, prior.bpm, SAME_TEMPO) && reading.at - prior.last <= DRIFT_GAP_MS;
    const drift = holds ? { ...prior, last: reading.at } : { bpm, since: reading.at, last: reading.at };
    const out = reading.at - drift.since >= DRIFT_HOLD_MS ? reading : held;
    return { lock: { ...next, drift }, action: 'publish', reading: out };
  }
  // The locked tempo stays a reference: when a squeeze passes, the next whole window locks back.
  return { lock: { ...UNLOCKED, reference: bpm, older: lock.reference, windows }, action: 'restart', reading };
}
