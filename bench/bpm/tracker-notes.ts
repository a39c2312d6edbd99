/**
 * What the drum-entry rule (tracker-drums.ts, LABELS.md "Drum entry") reads from a module, whatever its format:
 * the readers (mod-read.ts, xm-read.ts, it-read.ts, s3m-read.ts) produce it and the rule consumes it. Its own
 * file so that the readers and the rule do not import each other.
 */

/** One note a pattern cell plays: its pattern and row, the sample it sounds (numbered per file) and its pitch. */
export type Play = { pattern: number; row: number; sample: number; pitch: number };

/** What the rule needs from a module: the order list as stored, which samples loop, and every note played. */
export type TrackerNotes = { orders: number[]; looped: Set<number>; plays: Play[] };

export type DrumRows = {
  /** Numbers of the samples the rule counts as percussion, as the file numbers them. */
  percussion: number[];
  /** Every (order position, row) where a percussion sample is triggered, in play order of the order list. */
  rows: Set<string>;
};

/** A row's key: its position in the order list and its row, as xmp's Pos and Row print them. */
export const rowKey = (position: number, row: number) => `${position}:${row}`;
