import { parseTempoAttributes, type LiveTempo } from '@/types/bpm';
import type { BpmReading } from '@/lib/bpm/publish';

// Readings and their publishing rules are shared with the server's OBS analyser (src/lib/bpm/publish).
export type { BpmReading };
export type CurvePoint = { at: number; bpm: number | null };

/** A tempo-curve point every 2 s; 4 hours of set at most. */
export const CURVE_INTERVAL_MS = 2_000;
export const CURVE_MAX_POINTS = 7_200;

export function appendCurve(curve: readonly CurvePoint[], reading: BpmReading): readonly CurvePoint[] {
  const last = curve.at(-1);
  if (last && reading.at - last.at < CURVE_INTERVAL_MS) return curve;
  const point = { at: reading.at, bpm: reading.bpm === null ? null : Math.round(reading.bpm * 10) / 10 };
  const next = curve.length >= CURVE_MAX_POINTS ? curve.slice(curve.length - CURVE_MAX_POINTS + 1) : curve.slice();
  next.push(point);
  return next;
}

/** Taps further apart than this start a new count. */
export const TAP_RESET_MS = 2_000;
const TAPS_KEPT = 8;

export function addTap(taps: readonly number[], now: number): number[] {
  const last = taps.at(-1);
  if (last === undefined || now - last > TAP_RESET_MS || now <= last) return [now];
  return [...taps, now].slice(-TAPS_KEPT);
}

/** Tempo of the taps (median interval), once there are at least three. */
export function tapTempo(taps: readonly number[]): number | null {
  if (taps.length < 3) return null;
  const intervals = taps
    .slice(1)
    .map((t, i) => t - (taps[i] ?? t))
    .sort((a, b) => a - b);
  const mid = Math.floor(intervals.length / 2);
  const median = intervals.length % 2 ? (intervals[mid] ?? 0) : ((intervals[mid - 1] ?? 0) + (intervals[mid] ?? 0)) / 2;
  return median > 0 ? 60_000 / median : null;
}

/** 1 on a beat, decaying to 0 over about a third of the period. */
export function beatPulse(now: number, lastBeat: number | null, bpm: number | null): number {
  if (lastBeat === null || bpm === null || bpm <= 0) return 0;
  const period = 60_000 / bpm;
  const phase = (((now - lastBeat) % period) + period) % period;
  return Math.exp((-phase / period) * 8);
}

/** A room participant as a listener sees it: its attributes, and whether it publishes audio now. */
export type TempoSource = { attributes: Readonly<Record<string, string>>; publishing: boolean };

/**
 * A listener's view of the room's tempo: the first participant on air (publishing audio) whose
 * attributes carry a valid one (the DJ's console or the server's OBS analyser). A DJ waiting in
 * the green room or taken off air publishes nothing, so whatever it set is never shown.
 */
export function roomTempo(participants: Iterable<TempoSource>): LiveTempo | null {
  for (const p of participants) {
    if (!p.publishing) continue;
    const tempo = parseTempoAttributes(p.attributes);
    if (tempo) return tempo;
  }
  return null;
}
