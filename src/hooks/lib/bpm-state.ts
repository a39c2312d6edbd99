import { BPM_ATTRIBUTE, BPM_BEAT_AT_ATTRIBUTE, BPM_CONFIDENCE_ATTRIBUTE, BPM_NO_BEAT, parseTempoAttributes, type LiveTempo } from '@/types/bpm';

/** One estimate on the page's clocks: `lastBeat` in epoch ms (or null), `at` in epoch ms. */
export type BpmReading = { bpm: number | null; confidence: number; lastBeat: number | null; at: number };
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
  const intervals = taps.slice(1).map((t, i) => t - (taps[i] ?? t)).sort((a, b) => a - b);
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

export type PublishedTempo = { bpm: number | null; at: number };

/** Smaller moves are jitter of the estimate, not a change of tempo. */
export const PUBLISH_MIN_CHANGE = 0.15;
export const PUBLISH_MIN_INTERVAL_MS = 1_000;

/** Whether the DJ should publish `reading` given what was published last (throttled to real changes). */
export function shouldPublish(published: PublishedTempo | null, reading: BpmReading): boolean {
  if (published === null) return true;
  if (reading.at - published.at < PUBLISH_MIN_INTERVAL_MS) return false;
  if ((published.bpm === null) !== (reading.bpm === null)) return true;
  return published.bpm !== null && reading.bpm !== null && Math.abs(published.bpm - reading.bpm) >= PUBLISH_MIN_CHANGE;
}

export function tempoAttributes(reading: BpmReading): Record<string, string> {
  // "" deletes an attribute in LiveKit: the beat anchor and confidence go, "no beat" stays.
  if (reading.bpm === null) return { [BPM_ATTRIBUTE]: BPM_NO_BEAT, [BPM_BEAT_AT_ATTRIBUTE]: '', [BPM_CONFIDENCE_ATTRIBUTE]: '' };
  return {
    [BPM_ATTRIBUTE]: reading.bpm.toFixed(1),
    [BPM_BEAT_AT_ATTRIBUTE]: reading.lastBeat === null ? '' : String(Math.round(reading.lastBeat)),
    [BPM_CONFIDENCE_ATTRIBUTE]: Math.min(1, Math.max(0, reading.confidence)).toFixed(2),
  };
}

/** A listener's view of the room's tempo: the first participant whose attributes carry one (the DJ or the server's analyser). */
export function roomTempo(participants: Iterable<{ attributes: Readonly<Record<string, string>> }>): LiveTempo | null {
  for (const p of participants) {
    const tempo = parseTempoAttributes(p.attributes);
    if (tempo) return tempo;
  }
  return null;
}
