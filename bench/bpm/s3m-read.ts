/**
 * Scream Tracker 3 (.s3m) and Scream Tracker 2 (.stm) modules read into the facts the drum-entry rule needs
 * (tracker-drums.ts, LABELS.md "Drum entry"). In both a cell names its sample directly (instrument = sample)
 * and a note byte is octave * 16 + semitone. Layouts as xmp (libxmp) reads them, since xmp's clock times the rows.
 */
import type { Play, TrackerNotes } from './tracker-notes';
import { text, u16, u8 } from './tracker-bytes';

const ROWS = 64;
/** Note bytes from 251 up play nothing (S3M: 254 off, 255 none; STM: 251-253 one-byte empty or off cells, 254 off, 255 none). */
const pitchOf = (note: number) => (note < 251 ? 12 * (note >> 4) + (note & 15) : null);

/** S3M packed rows: a byte (0 ends the row) names the channel (bits 0-4) and whether note+instrument, volume, effect follow. */
function readS3mPattern(b: Uint8Array, at: number, pattern: number, channels: number): Play[] {
  const plays: Play[] = [];
  let o = at + 2;
  for (let row = 0; row < ROWS && o < b.length;) {
    const what = u8(b, o++);
    if (what === 0) {
      row++;
      continue;
    }
    const note = what & 0x20 ? u8(b, o++) : 255;
    const sample = what & 0x20 ? u8(b, o++) : 0;
    o += (what & 0x40 ? 1 : 0) + (what & 0x80 ? 2 : 0);
    const pitch = pitchOf(note);
    // xmp drops cells in channels after the last enabled one.
    if ((what & 31) < channels && pitch !== null && sample) plays.push({ pattern, row, sample, pitch });
  }
  return plays;
}

export function readS3m(b: Uint8Array): TrackerNotes | null {
  if (text(b, 0x2c, 4) !== 'SCRM') return null;
  const [orderCount, instruments, patterns] = [0x20, 0x22, 0x24].map((o) => u16(b, o)) as [number, number, number];
  const orders = Array.from(b.subarray(0x60, 0x60 + orderCount));
  const para = (k: number) => 16 * u16(b, 0x60 + orderCount + 2 * k);
  let channels = 0;
  for (let c = 0; c < 32; c++) if (u8(b, 0x40 + c) !== 255) channels = c + 1;
  const looped = new Set<number>();
  // Type 1 is a sample (loop = flag bit 0); 0 is an empty slot and 2 and up AdLib FM voices: never percussion.
  for (let i = 0; i < instruments; i++) {
    const at = para(i);
    if (u8(b, at) !== 1 || u8(b, at + 0x1f) & 1) looped.add(i + 1);
  }
  const plays: Play[] = [];
  for (let p = 0; p < patterns; p++) if (para(instruments + p)) plays.push(...readS3mPattern(b, para(instruments + p), p, channels));
  return { orders, looped, plays };
}

/** Scream Tracker 2.x: 31 sample headers, an order list, then 4-channel, 64-row patterns. */
export function readStm(b: Uint8Array): TrackerNotes | null {
  const version = 100 * u8(b, 30) + u8(b, 31);
  if (u8(b, 28) !== 0x1a || u8(b, 29) !== 2 || text(b, 60, 4) === 'SCRM' || ![200, 210, 220, 221].includes(version)) return null;
  const patterns = u8(b, 33);
  const looped = new Set<number>();
  for (let i = 0; i < 31; i++) {
    const end = u16(b, 48 + 32 * i + 20);
    if (end > 0 && end !== 0xffff) looped.add(i + 1);
  }
  const stored = Array.from(b.subarray(1040, 1040 + (version === 200 ? 64 : 128)));
  // xmp plays the order list up to its first entry that is no stored pattern.
  const cut = stored.findIndex((p) => p >= patterns);
  const orders = cut < 0 ? stored : stored.slice(0, cut);
  const plays: Play[] = [];
  let o = 1040 + stored.length;
  for (let p = 0; p < patterns; p++) {
    for (let k = 0; k < ROWS * 4; k++) {
      const note = u8(b, o++);
      if (note >= 251 && note <= 253) continue; // a one-byte cell
      const sample = u8(b, o) >> 3;
      o += 3;
      const pitch = pitchOf(note);
      if (pitch !== null && sample) plays.push({ pattern: p, row: k >> 2, sample, pitch });
    }
  }
  return { orders, looped, plays };
}
