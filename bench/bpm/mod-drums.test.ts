import { describe, expect, it } from 'vitest';
import { modDrums, rowKey } from './mod-drums';
import { parseXmpStatus, timesOfRows } from './tracker-timeline';

/** A 4-channel ProTracker module: samples (loop length in words), an order list, and notes by (pattern, row, channel). */
function mod(loops: number[], orders: number[], notes: { pattern: number; row: number; ch: number; sample: number; period: number }[]) {
  const patterns = Math.max(...orders) + 1;
  const b = new Uint8Array(1084 + patterns * 1024);
  loops.forEach((loop, s) => {
    const o = 20 + 30 * s;
    b[o + 23] = 100; // length in words
    b[o + 29] = loop;
  });
  b[950] = orders.length;
  orders.forEach((p, i) => (b[952 + i] = p));
  b.set([77, 46, 75, 46], 1080); // "M.K."
  for (const n of notes) {
    const o = 1084 + n.pattern * 1024 + (n.row * 4 + n.ch) * 4;
    b[o] = (n.sample & 0xf0) | (n.period >> 8);
    b[o + 1] = n.period & 0xff;
    b[o + 2] = (n.sample & 0x0f) << 4;
  }
  return b;
}

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
    const d = modDrums(mod([8, 0, 0], [0, 1, 1], notes));
    expect(d?.percussion).toEqual([3]);
    expect([...(d?.rows ?? [])]).toEqual([rowKey(1, 8), rowKey(1, 24), rowKey(2, 8), rowKey(2, 24)]);
    expect(modDrums(new Uint8Array(2000))).toBeNull();
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
});
