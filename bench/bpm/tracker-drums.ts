/**
 * Where the drums enter a module of any format xmp plays here (.mod, .xm, .it, .s3m, .stm), from its pattern
 * data alone (LABELS.md, "Drum entry"). ProTracker modules keep their reader (mod-drums.ts); the other formats
 * are read into the same facts (which samples loop, the order list, every note played) by xm-read.ts,
 * it-read.ts and s3m-read.ts, and this file applies the same rule to them: a percussion sample is a one-shot
 * played at no more than two distinct pitches, and the drums enter at the first row, in play order, that
 * triggers one. Pure, unit tested (tracker-drums.test.ts).
 */
import { readIt } from './it-read';
import { modDrums, rowKey, type ModDrums } from './mod-drums';
import { readS3m, readStm } from './s3m-read';
import { readXm } from './xm-read';

/** One note a pattern cell plays: its pattern and row, the sample it sounds (numbered per file) and its pitch. */
export type Play = { pattern: number; row: number; sample: number; pitch: number };

/** What the rule needs from a module: the order list as stored, which samples loop, and every note played. */
export type TrackerNotes = { orders: number[]; looped: Set<number>; plays: Play[] };

/** IT and S3M order lists: 255 ends the song, 254 is a marker that plays nothing (xmp keeps both in place). */
const END = 255;

/** The rule on one module's facts; rows are keyed by (order position, row), as xmp's Pos and Row print them. */
export function drumRows(t: TrackerNotes): ModDrums {
  const end = t.orders.indexOf(END);
  const orders = end < 0 ? t.orders : t.orders.slice(0, end);
  const byPattern = new Map<number, Play[]>();
  for (const p of t.plays) byPattern.set(p.pattern, [...(byPattern.get(p.pattern) ?? []), p]);
  // Pitches are counted over the patterns the song plays (each position of the order list), as for .mod.
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

/** The drum rows of a module file of any of the formats above; null when it is none of them. */
export function trackerDrums(b: Uint8Array): ModDrums | null {
  const mod = modDrums(b);
  if (mod) return mod;
  const notes = readXm(b) ?? readIt(b) ?? readS3m(b) ?? readStm(b);
  return notes ? drumRows(notes) : null;
}
