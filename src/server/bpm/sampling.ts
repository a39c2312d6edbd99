// Pure rules of the tempo relay (no I/O), unit-tested beside it.
import type { LiveTempo } from '@/types/bpm';

/** A stored curve point every 5 s: 720 rows per hour of set. */
export const POINT_INTERVAL_MS = 5_000;
/**
 * The loop runs about once a second and never early, so "5 s since the last point" would drift
 * to 6 s; half a pass of slack keeps the points on a ~5 s grid.
 */
const POINT_SLACK_MS = 500;

/** Whether a point is due for a broadcast whose last point was written at `lastAt` (epoch ms). */
export function pointDue(lastAt: number | undefined, now: number, intervalMs = POINT_INTERVAL_MS): boolean {
  return lastAt === undefined || now - lastAt >= intervalMs - POINT_SLACK_MS || now < lastAt;
}

/** The point to store for a tempo; null when the publisher sends none (unknown is not "no beat"). */
export function tempoPoint(tempo: LiveTempo | null): { bpm: number | null; confidence: number | null } | null {
  if (!tempo) return null;
  return tempo.bpm === null ? { bpm: null, confidence: null } : { bpm: tempo.bpm, confidence: tempo.confidence };
}

/** Whether listeners must be told: any field differs (the publisher already throttles to real changes). */
export function sameTempo(a: LiveTempo | null, b: LiveTempo | null): boolean {
  if (a === null || b === null) return a === b;
  return a.bpm === b.bpm && a.beatAt === b.beatAt && a.confidence === b.confidence;
}
