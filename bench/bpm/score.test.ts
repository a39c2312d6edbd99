import { describe, expect, it } from 'vitest';
import { acc2, median, noBeat, timing, within } from './score';

describe('bench scoring', () => {
  it('Acc1 within 4%, Acc2 also at 2x, 3x, 1/2, 1/3', () => {
    expect(within(124.7, 120)).toBe(true);
    expect(within(124.9, 120)).toBe(false);
    expect(within(null, 120)).toBe(false);
    expect(acc2(240, 120)).toBe(true);
    expect(acc2(40.5, 120)).toBe(true);
    expect(acc2(80, 120)).toBe(false);
  });

  it('times to first correct and to stable', () => {
    const s = [
      { t: 1, bpm: null },
      { t: 2, bpm: 120 },
      { t: 3, bpm: 60 },
      { t: 4, bpm: 119 },
      { t: 5, bpm: 121 },
    ];
    expect(timing(s, 120, 0, 10)).toEqual({ first: 2, stable: 4 });
    expect(timing(s, 120, 3.5, 10)).toEqual({ first: 0.5, stable: 0.5 });
    expect(timing(s, 90, 0, 10)).toEqual({ first: Infinity, stable: Infinity });
    expect(timing([...s, { t: 6, bpm: 50 }], 120, 0, 10).stable).toBe(Infinity);
  });

  it('no-beat detection skips the grace period', () => {
    const s = [
      { t: 10.5, bpm: 120 },
      { t: 13, bpm: null },
      { t: 14, bpm: 120 },
      { t: 21, bpm: null },
    ];
    expect(
      noBeat(s, [
        { start: 10, end: 20, bpm: null },
        { start: 20, end: 30, bpm: 120 },
      ]),
    ).toEqual({ total: 2, correct: 1 });
  });

  it('median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, Infinity])).toBe(3);
    expect(median([])).toBeNaN();
  });
});
