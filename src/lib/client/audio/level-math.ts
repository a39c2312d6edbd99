/** Meter math kept pure so the rAF loop stays trivial and the numbers are testable. */

/** Quietest level a meter shows; anything below reads as silence. */
export const METER_FLOOR_DB = -60;

/** Largest absolute sample value in a block (0..1 for normal audio, >1 when clipping). */
export function peakOf(samples: ArrayLike<number>): number {
  let peak = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = Math.abs(samples[i] ?? 0);
    if (v > peak) peak = v;
  }
  return peak;
}

/** Linear amplitude to dBFS, clamped to [floorDb, 0]. */
export function toDbfs(linear: number, floorDb = METER_FLOOR_DB): number {
  if (!(linear > 0)) return floorDb;
  const db = 20 * Math.log10(linear);
  return Math.min(0, Math.max(floorDb, db));
}

/**
 * Peak-meter ballistics: rise instantly, fall at `releaseDbPerSec`.
 * Without a release the meter flickers too fast to read.
 */
export function applyRelease(
  previousDb: number,
  nextDb: number,
  elapsedMs: number,
  releaseDbPerSec = 24,
  floorDb = METER_FLOOR_DB,
): number {
  if (nextDb >= previousDb) return nextDb;
  const fallen = previousDb - (releaseDbPerSec * Math.max(0, elapsedMs)) / 1000;
  return Math.max(nextDb, fallen, floorDb);
}

/** Position on the meter scale, 0..100. */
export function meterPercent(db: number, floorDb = METER_FLOOR_DB): number {
  const clamped = Math.min(0, Math.max(floorDb, db));
  return ((clamped - floorDb) / -floorDb) * 100;
}

export type MeterZone = 'silent' | 'low' | 'good' | 'hot' | 'clip';

/** Colour band for a level, matching common broadcast practice (peaks around -12..-6 dBFS). */
export function meterZone(db: number, floorDb = METER_FLOOR_DB): MeterZone {
  if (db <= floorDb) return 'silent';
  if (db >= -0.5) return 'clip';
  if (db >= -6) return 'hot';
  if (db >= -30) return 'good';
  return 'low';
}

/** How long the peak-hold line stays at a peak before it falls back to the meter. */
export const PEAK_HOLD_MS = 2000;

/** Peak hold: the highest level of the last `holdMs`, as the line on the meter shows it. */
export function holdPeak(hold: { db: number; at: number }, db: number, now: number, holdMs = PEAK_HOLD_MS): { db: number; at: number } {
  if (db >= hold.db || now - hold.at > holdMs) return { db, at: now };
  return hold;
}
