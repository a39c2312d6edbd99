import { describe, expect, it } from 'vitest';
import { rowKey } from './tracker-notes';
import { readS3m, readStm } from './s3m-read';
import { drumRows } from './tracker-drums';

const put16 = (b: Uint8Array, o: number, v: number) => b.set([v & 255, v >> 8], o);
/** Octave * 16 + semitone, as S3M and STM store a note. */
const note = (octave: number, semitone: number) => octave * 16 + semitone;

type S3mCell = { row: number; ch: number; note: number; sample: number };

/** An S3M file: 2 enabled channels, samples by (type, flags) and patterns of cells. */
function s3m(orders: number[], samples: [type: number, flags: number][], patterns: S3mCell[][]) {
  const b = new Uint8Array(8192);
  b.set(
    [...'SCRM'].map((c) => c.charCodeAt(0)),
    0x2c,
  );
  put16(b, 0x20, orders.length);
  put16(b, 0x22, samples.length);
  put16(b, 0x24, patterns.length);
  b.fill(255, 0x40, 0x60);
  b.set([0, 1], 0x40);
  b.set(orders, 0x60);
  let para = 64; // 1024 bytes in, in 16-byte paragraphs
  samples.forEach(([type, flags], i) => {
    put16(b, 0x60 + orders.length + 2 * i, para);
    b.set([type], para * 16);
    b.set([flags], para * 16 + 0x1f);
    para += 5;
  });
  patterns.forEach((cells, p) => {
    put16(b, 0x60 + orders.length + 2 * (samples.length + p), para);
    const data = Array.from({ length: 64 }, (_, row) => [
      ...cells.filter((c) => c.row === row).flatMap((c) => [0x20 | c.ch, c.note, c.sample]),
      0,
    ]).flat();
    b.set(data, para * 16 + 2);
    para += Math.ceil((data.length + 2) / 16);
  });
  return b;
}

describe('drum entry in S3M and STM modules', () => {
  it('reads S3M samples, loops, AdLib voices and notes, skipping markers and disabled channels', () => {
    const patterns = [
      [
        { row: 0, ch: 0, note: note(4, 0), sample: 2 }, // looped
        { row: 1, ch: 1, note: note(4, 0), sample: 3 }, // an AdLib voice
        ...[0, 4, 7].map((s, k) => ({ row: 2 + k, ch: 1, note: note(5, s), sample: 4 })), // a melody
        { row: 8, ch: 5, note: note(3, 0), sample: 1 }, // channel 6 is disabled: xmp drops it
      ],
      [
        { row: 16, ch: 0, note: note(3, 0), sample: 1 },
        { row: 20, ch: 0, note: 254, sample: 1 }, // note off
        { row: 24, ch: 1, note: note(3, 2), sample: 1 }, // the same drum at a second pitch
      ],
    ];
    const t = readS3m(
      s3m(
        [0, 254, 1, 255, 0],
        [
          [1, 0],
          [1, 1],
          [2, 0],
          [1, 0],
        ],
        patterns,
      ),
    );
    expect(t && [...t.looped]).toEqual([2, 3]);
    const d = t && drumRows(t);
    expect(d?.percussion).toEqual([1]);
    expect([...(d?.rows ?? [])]).toEqual([rowKey(2, 16), rowKey(2, 24)]);
    expect(readS3m(new Uint8Array(2000))).toBeNull();
  });

  it('reads STM one-byte empty cells, four-byte notes and loop ends', () => {
    const b = new Uint8Array(1168 + 2 * 1024).fill(251, 1168);
    b.set([0x1a, 2, 2, 21, 0x60, 2], 28); // version 2.21, speed, 2 patterns
    put16(b, 48 + 20, 0xffff); // sample 1: no loop
    put16(b, 48 + 32 + 20, 1200); // sample 2: loops
    b.set([1, 0, 1, 99, 0], 1040); // 99 is no pattern: xmp's order list ends there
    // Pattern 0 is all one-byte cells (256 bytes); pattern 1 starts after them: row 2, channel 0 plays sample 1.
    const cell = (n: number, sample: number) => [n, sample << 3, 0, 0];
    b.set([251, 251, 251, 251, 251, 251, 251, 251, ...cell(note(3, 0), 1), ...cell(note(4, 0), 2)], 1168 + 256);
    const t = readStm(b);
    expect(t?.orders).toEqual([1, 0, 1]);
    expect(t && [...t.looped]).toEqual([2]);
    const d = t && drumRows(t);
    expect(d?.percussion).toEqual([1]);
    expect([...(d?.rows ?? [])]).toEqual([rowKey(0, 2), rowKey(2, 2)]);
  });
});
