/**
 * FastTracker 2 modules (.xm, version 0x0104) read into the facts the drum-entry rule needs (tracker-drums.ts,
 * LABELS.md "Drum entry"): the order list, which samples loop, and every cell that plays a note with an
 * instrument. An XM instrument holds up to 16 samples and maps each of the 96 notes to one of them: the
 * sample a cell sounds is the one its note maps to, numbered across the file in header order.
 */
import type { Play, TrackerNotes } from './tracker-notes';
import { text, u16, u32, u8 } from './tracker-bytes';

const KEY_OFF = 97;
/** A sample whose "reserved" byte is 0xAD is ModPlug ADPCM: a 16-byte table and 4 bits per sample point. */
const ADPCM = 0xad;

type Cell = { pattern: number; row: number; note: number; instrument: number };

/** Packed pattern data: a byte with bit 7 set says which of note, instrument, volume, effect, parameter follow. */
function readPattern(b: Uint8Array, at: number, size: number, channels: number, pattern: number): Cell[] {
  const cells: Cell[] = [];
  let o = at;
  for (let k = 0; o < at + size; k++) {
    const first = u8(b, o++);
    const has = first & 0x80 ? first : 0x1f;
    const note = has & 1 ? (first & 0x80 ? u8(b, o++) : first) : 0;
    const instrument = has & 2 ? u8(b, o++) : 0;
    o += (has & 4 ? 1 : 0) + (has & 8 ? 1 : 0) + (has & 16 ? 1 : 0);
    if (note >= 1 && note < KEY_OFF && instrument) cells.push({ pattern, row: Math.floor(k / channels), note, instrument });
  }
  return cells;
}

type Instrument = { first: number; count: number; keymap: Uint8Array };

/** Instrument headers, their sample headers (loop type in bits 0-1 of the type byte) and sample data. */
function readInstruments(b: Uint8Array, from: number, count: number, looped: Set<number>): Instrument[] {
  const out: Instrument[] = [];
  let o = from;
  let next = 1;
  for (let i = 0; i < count; i++) {
    const samples = u16(b, o + 27);
    const headerSize = samples > 0 ? u32(b, o + 29) : 0;
    out.push({ first: next, count: samples, keymap: b.subarray(o + 33, o + 33 + 96) });
    let s = o + u32(b, o);
    let data = 0;
    for (let j = 0; j < samples; j++, next++, s += headerSize) {
      const length = u32(b, s);
      if (u8(b, s + 14) & 3 && u32(b, s + 8) > 0) looped.add(next);
      data += u8(b, s + 17) === ADPCM ? 16 + Math.ceil(length / 2) : length;
    }
    o = s + data;
  }
  return out;
}

export function readXm(b: Uint8Array): TrackerNotes | null {
  if (text(b, 0, 17) !== 'Extended Module: ' || u16(b, 58) !== 0x0104) return null;
  const [length, , channels, patterns, instruments] = [64, 66, 68, 70, 72].map((o) => u16(b, o));
  const orders = Array.from(b.subarray(80, 80 + (length ?? 0)));
  let o = 60 + u32(b, 60);
  const cells: Cell[] = [];
  for (let p = 0; p < (patterns ?? 0); p++) {
    const size = u16(b, o + 7);
    cells.push(...readPattern(b, o + u32(b, o), size, channels ?? 1, p));
    o += u32(b, o) + size;
  }
  const looped = new Set<number>();
  const inst = readInstruments(b, o, instruments ?? 0, looped);
  const plays: Play[] = [];
  for (const c of cells) {
    const i = inst[c.instrument - 1];
    const k = i?.keymap[c.note - 1] ?? 0;
    if (i && k < i.count) plays.push({ pattern: c.pattern, row: c.row, sample: i.first + k, pitch: c.note });
  }
  return { orders, looped, plays };
}
