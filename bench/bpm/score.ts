/** Scoring by the convention in LABELS.md (pure; unit tested). */
import type { Point } from './methods';
import type { Stretch } from './set';

export const TOLERANCE = 0.04;
/** Seconds after a beat stops during which "no beat" is not yet required (the window still holds beats). */
export const NO_BEAT_GRACE = 2;

export const within = (bpm: number | null, label: number, tol = TOLERANCE) => bpm !== null && Math.abs(bpm - label) <= tol * label;
export const acc2 = (bpm: number | null, label: number) => [1, 2, 3, 1 / 2, 1 / 3].some((f) => within(bpm, label * f));

/** From `start`: first time an estimate is correct, and the time after which every estimate is (Infinity if never). */
export function timing(series: Point[], label: number, start: number, end: number): { first: number; stable: number } {
  let first = Infinity;
  let stable = Infinity;
  for (const p of series) {
    if (p.t < start || p.t > end) continue;
    if (within(p.bpm, label)) {
      if (first === Infinity) first = p.t - start;
      if (stable === Infinity) stable = p.t - start;
    } else stable = Infinity;
  }
  return { first, stable };
}

/** Estimates inside the no-beat stretches (after the grace) and how many said "no beat". */
export function noBeat(series: Point[], stretches: Stretch[]): { total: number; correct: number } {
  let total = 0;
  let correct = 0;
  for (const s of stretches) {
    if (s.bpm !== null) continue;
    for (const p of series) {
      if (p.t < s.start + NO_BEAT_GRACE || p.t > s.end) continue;
      total++;
      if (p.bpm === null) correct++;
    }
  }
  return { total, correct };
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? (v[m] ?? Number.NaN) : ((v[m - 1] ?? 0) + (v[m] ?? 0)) / 2;
}
