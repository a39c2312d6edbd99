/**
 * Impulse Tracker modules (.it) read into the facts the drum-entry rule needs (tracker-drums.ts, LABELS.md
 * "Drum entry"). In instrument mode (header flag 4) a cell's instrument maps its note, through the
 * instrument's 120-key table, to a sample and the note that sample plays at; in sample mode the cell names the
 * sample. A sample loops when its loop or its sustain loop is on (flags 0x10, 0x20) and ends after it begins.
 */
import type { Play, TrackerNotes } from './tracker-notes';
import { text, u16, u32, u8 } from './tracker-bytes';

/** Notes 0-119; 254 cut, 255 off, others fade: no note. */
const NOTES = 120;

type Cell = { row: number; note: number; instrument: number };

/** Packed pattern data: a channel byte (0 ends the row), a mask when bit 7 is set, and the fields the mask names. */
function readPattern(b: Uint8Array, at: number, size: number): Cell[] {
  const mask = new Uint8Array(64);
  const lastNote = new Uint8Array(64).fill(255);
  const lastInstrument = new Uint8Array(64);
  const cells: Cell[] = [];
  let row = 0;
  for (let o = at; o < at + size;) {
    const cv = u8(b, o++);
    if (cv === 0) {
      row++;
      continue;
    }
    const c = (cv - 1) & 63;
    if (cv & 0x80) mask[c] = u8(b, o++);
    const m = mask[c] ?? 0;
    if (m & 1) lastNote[c] = u8(b, o++);
    if (m & 2) lastInstrument[c] = u8(b, o++);
    o += (m & 4 ? 1 : 0) + (m & 8 ? 2 : 0);
    // Bits 4 and 5: this cell repeats the channel's last note / instrument (IT's compression).
    const note = m & 0x11 ? (lastNote[c] ?? 255) : 255;
    const instrument = m & 0x22 ? (lastInstrument[c] ?? 0) : 0;
    if (note < NOTES && instrument) cells.push({ row, note, instrument });
  }
  return cells;
}

function loops(b: Uint8Array, at: number): boolean {
  const flags = u8(b, at + 0x12);
  return (!!(flags & 0x10) && u32(b, at + 0x38) > u32(b, at + 0x34)) || (!!(flags & 0x20) && u32(b, at + 0x44) > u32(b, at + 0x40));
}

export function readIt(b: Uint8Array): TrackerNotes | null {
  if (text(b, 0, 4) !== 'IMPM') return null;
  const [orderCount, instruments, samples, patterns] = [0x20, 0x22, 0x24, 0x26].map((o) => u16(b, o)) as [number, number, number, number];
  const useInstruments = !!(u16(b, 0x2c) & 4);
  const orders = Array.from(b.subarray(0xc0, 0xc0 + orderCount));
  const pointer = (k: number) => u32(b, 0xc0 + orderCount + 4 * k);
  const looped = new Set<number>();
  for (let s = 0; s < samples; s++) if (loops(b, pointer(instruments + s))) looped.add(s + 1);
  // Old (cmwt < 0x200) and new instrument headers both keep the (note, sample) key table at 0x40.
  const keys = Array.from({ length: instruments }, (_, i) => b.subarray(pointer(i) + 0x40, pointer(i) + 0x40 + 2 * NOTES));
  const plays: Play[] = [];
  for (let p = 0; p < patterns; p++) {
    const at = pointer(instruments + samples + p);
    if (!at) continue; // an empty 64-row pattern
    for (const c of readPattern(b, at + 8, u16(b, at))) {
      const table = useInstruments ? keys[c.instrument - 1] : undefined;
      const sample = useInstruments ? (table?.[2 * c.note + 1] ?? 0) : c.instrument;
      const pitch = useInstruments ? (table?.[2 * c.note] ?? 0) : c.note;
      if (sample && sample <= samples) plays.push({ pattern: p, row: c.row, sample, pitch });
    }
  }
  return { orders, looped, plays };
}
