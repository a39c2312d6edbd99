// Whether one step of the HLS ramp (bench/capacity/max-hls.ts) held: every channel's WebRTC probe
// heard its own tone throughout the window, and every channel's live playlist kept gaining segments.
import type { Dropouts } from './on-air';

/** A probe may miss its tone this long in a row: a lost packet or two is concealed, 200 ms is heard. */
export const MAX_SILENT_RUN_MS = 200;
/** Of a window's 10 ms frames, at most this share without the tone. */
export const MAX_SILENT_SHARE = 0.01;
/** Segments are 2 s: a playlist that gains none for this long has stalled an HLS listener at the live edge. */
export const MAX_SEGMENT_GAP_S = 5;

/** One channel over one window: its probe's frames, and its live playlist's longest wait for a new segment. */
export type ChannelWindow = { channel: string; dropouts: Dropouts; segmentGapS: number; newSegments: number };

/** Why the step did not hold, a line per failing channel; empty when it held. */
export function stepFailures(windows: readonly ChannelWindow[]): string[] {
  const out: string[] = [];
  for (const w of windows) {
    const d = w.dropouts;
    if (d.frames === 0) out.push(`${w.channel}: its probe received no audio`);
    else if (d.longestSilentMs > MAX_SILENT_RUN_MS || d.maxGapMs > MAX_SILENT_RUN_MS || d.silent > d.frames * MAX_SILENT_SHARE) {
      out.push(
        `${w.channel}: its probe missed the tone in ${d.silent} of ${d.frames} frames (longest run ${d.longestSilentMs} ms, longest wait for a frame ${d.maxGapMs} ms)`,
      );
    }
    if (w.newSegments === 0 || w.segmentGapS > MAX_SEGMENT_GAP_S) {
      out.push(
        `${w.channel}: its live playlist went ${w.segmentGapS.toFixed(1)} s without a new segment (${w.newSegments} new in the window)`,
      );
    }
  }
  return out;
}

/** One read of a live playlist: when, and the last segment it listed ('' when unreadable). */
export type PlaylistSample = { t: number; last: string };

/**
 * From reads of a live playlist between `since` and `until`: the segments added, and the longest
 * wait for one (s), counting from `since` and up to `until`. The first readable read is the
 * baseline; an unreadable one changes nothing (to a listener it is a wait too).
 */
export function segmentWaits(
  samples: readonly PlaylistSample[],
  since: number,
  until: number,
): { newSegments: number; segmentGapS: number } {
  let last = '';
  let changedAt = since;
  let gap = 0;
  let newSegments = 0;
  for (const s of samples) {
    if (!s.last || s.last === last) continue;
    if (last) {
      gap = Math.max(gap, s.t - changedAt);
      changedAt = s.t;
      newSegments++;
    }
    last = s.last;
  }
  return { newSegments, segmentGapS: Math.max(gap, until - changedAt) / 1000 };
}
