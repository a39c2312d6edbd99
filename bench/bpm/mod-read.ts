/**
 * ProTracker modules (.mod, 31 samples) read into the facts the drum-entry rule needs (tracker-drums.ts,
 * LABELS.md "Drum entry"): the order list, which samples loop (loop length of more than one word), and every
 * cell with both a sample and a period, the period being its pitch. Patterns are read only where the order
 * list names them, so a pattern the song never plays adds no pitch.
 */
import { text, u8 } from './tracker-bytes';
import type { Play, TrackerNotes } from './tracker-notes';

const CHANNELS: Record<string, number> = { 'M.K.': 4, 'M!K!': 4, FLT4: 4, '4CHN': 4, '6CHN': 6, '8CHN': 8, FLT8: 8 };
const SAMPLES = 31;
const ROWS = 64;

/** Unpacked 4-byte cells: sample high nibble and period in bytes 0-1, sample low nibble in byte 2. */
function readPattern(b: Uint8Array, pattern: number, channels: number): Play[] {
  const plays: Play[] = [];
  const base = 1084 + pattern * ROWS * channels * 4;
  for (let row = 0; row < ROWS; row++) {
    for (let c = 0; c < channels; c++) {
      const o = base + (row * channels + c) * 4;
      if (o + 4 > b.length) continue;
      const sample = (u8(b, o) & 0xf0) | (u8(b, o + 2) >> 4);
      const pitch = ((u8(b, o) & 0x0f) << 8) | u8(b, o + 1);
      if (sample && pitch) plays.push({ pattern, row, sample, pitch });
    }
  }
  return plays;
}

/** A 31-sample ProTracker module's notes; null for anything else (no known channel tag at byte 1080). */
export function readMod(b: Uint8Array): TrackerNotes | null {
  if (b.length < 1084) return null;
  const channels = CHANNELS[text(b, 1080, 4)];
  if (!channels) return null;
  const looped = new Set<number>();
  for (let s = 0; s < SAMPLES; s++) {
    const o = 20 + 30 * s + 28; // big-endian loop length in words
    if (((u8(b, o) << 8) | u8(b, o + 1)) > 1) looped.add(s + 1);
  }
  const orders = Array.from(b.subarray(952, 952 + u8(b, 950)));
  const plays = [...new Set(orders)].flatMap((pattern) => readPattern(b, pattern, channels));
  return { orders, looped, plays };
}
