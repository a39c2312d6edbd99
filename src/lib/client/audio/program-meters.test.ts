import { describe, expect, it } from 'vitest';
import type { BusReport } from '@/lib/loudness/bus';
import { foldReport, resetHolds, SILENT_METERS } from './program-meters';
import { holdPeak } from './level-math';

const report = (over: Partial<BusReport> = {}): BusReport => ({
  inputPeakDb: [-12, -12],
  clipped: false,
  outputPeakDb: [-6, -8],
  truePeakDb: -5.9,
  momentary: -14.2,
  shortTerm: -14.1,
  integrated: -14,
  levellerDb: 2.5,
  levellerOn: true,
  limiterDb: 0,
  ...over,
});

describe('program meters', () => {
  it('rise at once, fall slowly, and hold the peak for 2 s', () => {
    let m = foldReport(SILENT_METERS, report(), 32, 1000);
    expect(m.left.db).toBeCloseTo(-6);
    expect(m.right.db).toBeCloseTo(-8);
    m = foldReport(m, report({ outputPeakDb: [-30, -30] }), 500, 1500);
    expect(m.left.db).toBeCloseTo(-18); // 24 dB/s release
    expect(m.left.hold.db).toBeCloseTo(-6);
    m = foldReport(m, report({ outputPeakDb: [-30, -30] }), 1600, 3100);
    expect(m.left.hold.db).toBeCloseTo(-30);
  });

  it('latch the clip light and the true-peak maximum until reset', () => {
    let m = foldReport(SILENT_METERS, report({ clipped: true, truePeakDb: -1.1 }), 32, 0);
    m = foldReport(m, report(), 32, 32);
    expect(m.clip).toBe(true);
    expect(m.truePeakMaxDb).toBeCloseTo(-1.1);
    m = resetHolds(m);
    expect(m.clip).toBe(false);
    expect(m.truePeakMaxDb).toBe(-Infinity);
  });

  it('shows limiter reduction at once and eases it back at 6 dB/s', () => {
    let m = foldReport(SILENT_METERS, report({ limiterDb: -4 }), 32, 0);
    expect(m.limiterDb).toBe(-4);
    m = foldReport(m, report(), 500, 500);
    expect(m.limiterDb).toBeCloseTo(-1);
  });

  it('holdPeak keeps the highest level until it is older than the hold time', () => {
    expect(holdPeak({ db: -3, at: 0 }, -10, 1000)).toEqual({ db: -3, at: 0 });
    expect(holdPeak({ db: -3, at: 0 }, -10, 2500)).toEqual({ db: -10, at: 2500 });
    expect(holdPeak({ db: -3, at: 0 }, -1, 10)).toEqual({ db: -1, at: 10 });
  });
});
