// What a replay shows as its tempo (pure, unit tested): the stored curve's point at the place the
// replay has reached, mapped from the recording's position to the set's clock through its timeline.
import type { BpmReading } from '@/lib/bpm/publish';
import { clockAt, tempoNear } from '@/lib/archive/seek-plan';

/** Stored points are ~5 s apart: one more than 12.5 s behind is a gap (as the set page draws it). */
const GAP_MS = 12_500;

export type StoredCurve = {
  setStart: number;
  timeline: readonly { offset: number; at: number | null; seconds: number }[];
  points: readonly { at: number; bpm: number | null; confidence: number | null }[];
};

/**
 * The reading a replay publishes at `positionS` seconds into the recording, stamped `now`: the
 * stored tempo there, or "no beat" inside a gap, where the set had none, or without a curve. No
 * beat anchor: the stored curve has none, so listeners' beat pulse stays still.
 */
export function replayReading(curve: StoredCurve, positionS: number, now: number): BpmReading {
  // A set without a stored timeline: the recording and the clock start together.
  const at = curve.timeline.length ? clockAt(curve.timeline, positionS, curve.setStart) : curve.setStart + positionS * 1000;
  const bpm = tempoNear(curve.points, at, GAP_MS);
  if (bpm === null) return { bpm: null, confidence: 0, lastBeat: null, at: now };
  const point = curve.points.findLast((p) => p.at <= at);
  return { bpm, confidence: point?.confidence ?? 1, lastBeat: null, at: now };
}
