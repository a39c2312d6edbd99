import { describe, expect, it } from 'vitest';
import { trackerDrums } from './tracker-drums';
import { Bytes, xmFile } from './tracker-fixtures';
import { rowKey } from './tracker-notes';

describe('drum entry in an XM module', () => {
  it('sounds the sample the note maps to, and counts one-shots at one or two pitches as percussion', () => {
    const kit = { loops: [0, 0], keymap: { 49: 0, 51: 1 } }; // C-4 kick, D-4 snare: samples 1 and 2 of the file
    const pad = { loops: [1], keymap: { 49: 0 } }; // sample 3, looped
    const lead = { loops: [0], keymap: { 49: 0, 53: 0, 56: 0 } }; // sample 4, one-shot at three notes
    const patterns = [
      [
        { row: 0, ch: 0, note: 49, instrument: 2 },
        ...[49, 53, 56].map((note, k) => ({ row: 2 + k, ch: 1, note, instrument: 3 })),
        { row: 6, ch: 0, note: 97, instrument: 1 }, // key off: no note
      ],
      [
        { row: 8, ch: 1, note: 51, instrument: 1 },
        { row: 12, ch: 0, note: 49, instrument: 1 },
      ],
      // Not in the order list: its extra kick pitches do not count.
      [60, 62, 64].map((note, row) => ({ row, ch: 0, note, instrument: 1 })),
    ];
    const d = trackerDrums(xmFile([0, 1, 1], patterns, [kit, pad, lead]));
    expect(d?.percussion).toEqual([1, 2]);
    expect([...(d?.rows ?? [])]).toEqual([rowKey(1, 8), rowKey(1, 12), rowKey(2, 8), rowKey(2, 12)]);
    expect(trackerDrums(new Uint8Array(3000))).toBeNull();
  });
});

type ItCell = { row: number; bytes: number[] };

/** An IT file: one pattern per entry (cells as raw packed bytes), samples by their flags, instruments as key tables. */
function itModule(orders: number[], patterns: ItCell[][], samples: number[], instruments: [note: number, sample: number][][] | null) {
  const ins = instruments ?? [];
  const x = new Bytes().str(0, 'IMPM').u16(0x20, orders.length).u16(0x22, ins.length).u16(0x24, samples.length);
  x.u16(0x26, patterns.length)
    .u16(0x2a, 0x214)
    .u16(0x2c, instruments ? 4 : 0);
  orders.forEach((p, i) => x.at(0xc0 + i, p));
  const table = 0xc0 + orders.length;
  let o = table + 4 * (ins.length + samples.length + patterns.length);
  ins.forEach((keys, i) => {
    x.u32(table + 4 * i, o).str(o, 'IMPI');
    keys.forEach(([note, s], key) => x.at(o + 0x40 + 2 * key, note, s));
    o += 0x40 + 240;
  });
  samples.forEach((flags, s) => {
    x.u32(table + 4 * (ins.length + s), o)
      .str(o, 'IMPS')
      .at(o + 0x12, flags);
    x.u32(o + 0x38, 100).u32(o + 0x44, 100); // loop and sustain loop end after they begin
    o += 0x50;
  });
  patterns.forEach((cells, p) => {
    const data = Array.from({ length: 16 }, (_, row) => [...cells.filter((c) => c.row === row).flatMap((c) => c.bytes), 0]).flat();
    x.u32(table + 4 * (ins.length + samples.length + p), o)
      .u16(o, data.length)
      .u16(o + 2, 16)
      .at(o + 8, ...data);
    o += 8 + data.length;
  });
  return x.b.subarray(0, o);
}

describe('drum entry in an IT module', () => {
  it('maps notes through the instrument key table and reads repeated notes and instruments', () => {
    // Instrument 1: key 60 -> sample 1 at 60, key 62 -> sample 2 (sustain loop). Instrument 2: sample 3 at every key.
    const kit = Array.from({ length: 120 }, (_, k): [number, number] => [k, k === 60 ? 1 : k === 62 ? 2 : 0]);
    const lead = Array.from({ length: 120 }, (_, k): [number, number] => [k, 3]);
    const patterns = [
      [
        { row: 0, bytes: [0x81, 0x03, 62, 1] }, // channel 1: key 62 of instrument 1 (sample 2, looped)
        ...[60, 64, 67].map((n, k) => ({ row: 1 + k, bytes: [0x82, 0x03, n, 2] })), // channel 2: a melody on sample 3
      ],
      [
        { row: 4, bytes: [0x81, 0x03, 60, 1] }, // sample 1
        { row: 9, bytes: [0x81, 0x30] }, // "last note, last instrument": sample 1 again
        { row: 10, bytes: [0x81, 0x01, 255] }, // note off
      ],
    ];
    const d = trackerDrums(itModule([0, 254, 1, 255, 1], patterns, [0, 0x20, 0], [kit, lead]));
    expect(d?.percussion).toEqual([1]);
    expect([...(d?.rows ?? [])]).toEqual([rowKey(2, 4), rowKey(2, 9)]);
  });

  it('reads the cell as the sample in sample mode, and a loop as not percussion', () => {
    const patterns = [
      [
        { row: 3, bytes: [0x81, 0x03, 48, 1] },
        { row: 5, bytes: [0x82, 0x03, 50, 2] },
      ],
    ];
    const d = trackerDrums(itModule([0], patterns, [0, 0x10], null));
    expect(d?.percussion).toEqual([1]);
    expect([...(d?.rows ?? [])]).toEqual([rowKey(0, 3)]);
  });
});
