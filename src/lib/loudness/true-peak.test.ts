import { describe, expect, it } from 'vitest';
import { dbOf, referencePeak, TruePeak, truePeakOf } from './true-peak';
import { sine } from './signals.test-support';

describe('true peak (4x oversampling, BS.1770-4 Annex 2)', () => {
  it('finds the peak between samples of a quarter-rate sine at 45 degrees (+3 dB over its samples)', () => {
    const x = sine(12_000, 0, 0.1, 48_000, Math.PI / 4);
    const samplePeak = dbOf(Math.max(...x.map(Math.abs)));
    expect(samplePeak).toBeCloseTo(-3.01, 1);
    expect(dbOf(truePeakOf(x))).toBeGreaterThan(-0.2);
    expect(dbOf(truePeakOf(x))).toBeLessThan(0.3);
  });

  it('reads a 997 Hz sine at its amplitude and never below the sample peak', () => {
    expect(Math.abs(dbOf(truePeakOf(sine(997, -6, 1))) + 6)).toBeLessThan(0.1);
    const impulse = new Float32Array(100);
    impulse[50] = 0.5;
    expect(truePeakOf(impulse)).toBeGreaterThanOrEqual(0.5);
  });
});

describe('TruePeak (unrolled)', () => {
  it('equals the Annex filter written as loops, sample by sample', () => {
    const tp = new TruePeak();
    const history: number[] = [];
    let seed = 3;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const x = seed / 2 ** 30 - 1;
      history.unshift(x);
      history.length = Math.min(history.length, 12);
      expect(tp.push(x)).toBeCloseTo(referencePeak(history), 12);
    }
  });
});
