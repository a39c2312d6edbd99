import { describe, expect, it } from 'vitest';
import { readMod } from './mod-read';
import { modFile, xmFile, type ModNote } from './tracker-fixtures';
import { drumRows, trackerDrums } from './tracker-drums';
import { rowKey } from './tracker-notes';
import { parseXmpStatus, timesOfRows } from './tracker-timeline';

describe('drum entry from a module', () => {
  it('counts one-shot samples at one or two pitches as percussion, and finds their rows in play order', () => {
    const notes = [
      // sample 1 loops (a pad): never percussion, even at one pitch
      { pattern: 0, row: 0, ch: 0, sample: 1, period: 428 },
      // sample 2: one-shot at three pitches (a melody): not percussion
      ...[428, 381, 339].map((period, k) => ({ pattern: 0, row: 4 + k, ch: 1, sample: 2, period })),
      // sample 3: one-shot at one pitch, first in pattern 1 at row 8
      { pattern: 1, row: 8, ch: 2, sample: 3, period: 428 },
      { pattern: 1, row: 24, ch: 2, sample: 3, period: 428 },
    ];
    const d = trackerDrums(modFile([8, 0, 0], [0, 1, 1], notes));
    expect(d?.percussion).toEqual([3]);
    expect([...(d?.rows ?? [])]).toEqual([rowKey(1, 8), rowKey(1, 24), rowKey(2, 8), rowKey(2, 24)]);
    expect(readMod(new Uint8Array(2000))).toBeNull();
  });

  it('maps drum rows onto the clock xmp printed', () => {
    const row = (r: number, t: number) =>
      `${r.toString(16).toUpperCase().padStart(2, '0')}/3F] Chn[04/04]      0:00:${t.toFixed(1).padStart(4, '0')}`;
    const pattern = (pos: number, t0: number) =>
      `Speed[06] BPM[7D] Pos[0${pos}/02] Pat[00/01] Row[  /  ] Chn[  /  ]      0:00:00.0${Array.from({ length: 64 }, (_, r) => row(r, t0 + r * 0.12)).join('')}`;
    const patterns = parseXmpStatus(pattern(0, 0) + pattern(1, 7.68));
    expect(patterns.map((p) => p.pos)).toEqual([0, 1]);
    expect(timesOfRows(patterns, new Set([rowKey(1, 8)]))[0]).toBeCloseTo(7.68 + 0.96, 1);
  });

  it('goes through the same rule as the other formats: one song as .mod and as .xm gives the same drums', () => {
    // Sample k is instrument k with one sample in the XM; an XM note's pitch is the note, a .mod's the period.
    const period: Record<number, number> = { 49: 428, 51: 381, 53: 339, 56: 285 };
    const song: (Omit<ModNote, 'period'> & { note: number })[] = [
      { pattern: 0, row: 0, ch: 0, sample: 1, note: 49 }, // looped pad
      ...[49, 53, 56].map((note, k) => ({ pattern: 0, row: 2 + k, ch: 1, sample: 2, note })), // melody, three pitches
      { pattern: 1, row: 3, ch: 0, sample: 3, note: 49 }, // kick, one pitch
      ...[49, 51].map((note, k) => ({ pattern: 1, row: 6 + 4 * k, ch: 1, sample: 4, note })), // tom, two pitches
      { pattern: 2, row: 0, ch: 1, sample: 4, note: 53 }, // a third tom pitch in a pattern the song never plays
    ];
    const orders = [0, 1, 0, 1];
    const mod = modFile(
      [8, 0, 0, 0],
      orders,
      song.map((n) => ({ ...n, period: period[n.note] ?? 0 })),
    );
    const patterns = [0, 1, 2].map((p) => song.filter((n) => n.pattern === p).map((n) => ({ ...n, instrument: n.sample })));
    const xm = xmFile(
      orders,
      patterns,
      [1, 0, 0, 0].map((loop) => ({ loops: [loop], keymap: {} })),
    );
    const fromMod = trackerDrums(mod);
    expect(fromMod?.percussion).toEqual([3, 4]);
    expect([...(fromMod?.rows ?? [])]).toEqual([rowKey(1, 3), rowKey(1, 6), rowKey(1, 10), rowKey(3, 3), rowKey(3, 6), rowKey(3, 10)]);
    expect(trackerDrums(xm)).toEqual(fromMod);
    const notes = readMod(mod);
    expect(notes && drumRows(notes)).toEqual(fromMod);
  });
});
