import { BPM_ATTRIBUTE, BPM_BEAT_AT_ATTRIBUTE, BPM_CONFIDENCE_ATTRIBUTE, BPM_NO_BEAT } from '@/types/bpm';

/**
 * How a tempo estimate becomes LiveKit participant attributes, throttled to real changes: shared
 * by the DJ console (its own attributes) and the server's OBS analyser (the ingress participant's).
 */

/** One estimate on wall clocks: `lastBeat` in epoch ms (or null), `at` in epoch ms. */
export type BpmReading = { bpm: number | null; confidence: number; lastBeat: number | null; at: number };

export type PublishedTempo = { bpm: number | null; at: number };

/** Smaller moves are jitter of the estimate, not a change of tempo. */
export const PUBLISH_MIN_CHANGE = 0.15;
export const PUBLISH_MIN_INTERVAL_MS = 1_000;

/** Whether `reading` should be published given what was published last (throttled to real changes). */
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

/** A tempo waiting to be trusted: first seen at `since`. */
export type SteadyCandidate = { bpm: number; since: number } | null;

/** How long, and how closely, a tempo must hold before the server's OBS analyser publishes it. */
export const STEADY_HOLD_MS = 1_000;
export const STEADY_TOLERANCE = 0.02;

/**
 * Whether `reading` has held steady long enough to publish. The start of an ingress stream is
 * distorted (a 128 BPM set first read 114-118 for about a second), so the OBS analyser waits for
 * an estimate to hold; "no beat" needs no wait. The console does not use this: its input is clean.
 */
export function steadyReading(candidate: SteadyCandidate, reading: BpmReading): { candidate: SteadyCandidate; steady: boolean } {
  if (reading.bpm === null) return { candidate: null, steady: true };
  const holds = candidate !== null && Math.abs(reading.bpm - candidate.bpm) <= candidate.bpm * STEADY_TOLERANCE;
  const next = holds ? candidate : { bpm: reading.bpm, since: reading.at };
  return { candidate: next, steady: reading.at - next.since >= STEADY_HOLD_MS };
}
