/**
 * Where the drums enter a module of any format xmp plays here (.mod, .xm, .it, .s3m, .stm), from its pattern
 * data alone (LABELS.md, "Drum entry"). Each format has a reader (mod-read.ts, xm-read.ts, it-read.ts,
 * s3m-read.ts) that gives the same facts (which samples loop, the order list, every note played), and this
 * file applies the one rule to all of them: a percussion sample is a one-shot played at no more than two
 * distinct pitches, and the drums enter at the first row, in play order, that triggers one. Pure, unit tested
 * (tracker-drums.test.ts, mod-read.test.ts).
 */
import { readIt } from './it-read';
import { readMod } from './mod-read';
import { readS3m, readStm } from './s3m-read';
import { rowKey, type DrumRows, type Play, type TrackerNotes } from './tracker-notes';
import { readXm } from './xm-read';

/** IT and S3M order lists: 255 ends the song, 254 is a marker that plays nothing (xmp keeps both in place). */
const END = 255;

/** The rule on one module's facts; rows are keyed by (order position, row), as xmp's Pos and Row print them. */
export function drumRows(t: TrackerNotes): DrumRows {
  const end = t.orders.indexOf(END);
  const orders = end < 0 ? t.orders : t.orders.slice(0, end);
  const byPattern = new Map<number, Play[]>();
  for (const p of t.plays) byPattern.set(p.pattern, [...(byPattern.get(p.pattern) ?? []), p]);
  // Pitches are counted over the patterns the song plays (each position of the order list).
  const pitches = new Map<number, Set<number>>();
  for (const pattern of orders) {
    for (const p of byPattern.get(pattern) ?? []) pitches.set(p.sample, (pitches.get(p.sample) ?? new Set<number>()).add(p.pitch));
  }
  const percussion = [...pitches.entries()]
    .filter(([s, set]) => !t.looped.has(s) && set.size <= 2)
    .map(([s]) => s)
    .sort((a, z) => a - z);
  const drum = new Set(percussion);
  const rows = new Set<string>();
  orders.forEach((pattern, pos) => {
    const hits = (byPattern.get(pattern) ?? []).filter((p) => drum.has(p.sample)).map((p) => p.row);
    for (const row of [...new Set(hits)].sort((a, z) => a - z)) rows.add(rowKey(pos, row));
  });
  return { percussion, rows };
}

/** A module file's notes in any of the formats above (told by content, as xmp does); null when it is none of them. */
export const readTracker = (b: Uint8Array): TrackerNotes | null => readMod(b) ?? readXm(b) ?? readIt(b) ?? readS3m(b) ?? readStm(b);

/** The drum rows of a module file of any of the formats above; null when it is none of them. */
export function trackerDrums(b: Uint8Array): DrumRows | null {
  const notes = readTracker(b);
  return notes ? drumRows(notes) : null;
}
