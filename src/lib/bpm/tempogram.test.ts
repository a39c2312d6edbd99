import { describe, expect, it } from 'vitest';
import { CombBank } from './comb';
import { rng } from './synth.test-support';
import { Tempogram } from './tempogram';

const FRAME_RATE = 187.5;

/** An onset envelope: noise floor plus pulses every `period` frames. */
function envelope(frames: number, period: number, seed = 1): Float64Array {
  const r = rng(seed);
  return Float64Array.from(
    { length: frames },
    (_, i) => 0.05 * Math.abs(r()) + (i % period < 2 ? 1 : 0) + (i % (period / 2) < 1 ? 0.3 : 0),
  );
}

/** The tempogram's definition, computed directly: local-mean removal, rectification, mean removal, unbiased ACF / lag 0. */
function directRho(x: Float64Array, frameRate: number, lags: number): Float64Array {
  const n = x.length;
  const half = Math.max(1, Math.round((0.12 * frameRate) / 2));
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(n - 1, i + half); j++, count++) sum += x[j] ?? 0;
    y[i] = Math.max(0, (x[i] ?? 0) - sum / count);
  }
  const mean = y.reduce((a, b) => a + b, 0) / n;
  for (let i = 0; i < n; i++) y[i] = (y[i] ?? 0) - mean;
  const acf = (lag: number) => {
    let s = 0;
    for (let i = 0; i + lag < n; i++) s += (y[i] ?? 0) * (y[i + lag] ?? 0);
    return s / (n - lag);
  };
  const zero = acf(0);
  return Float64Array.from({ length: lags }, (_, lag) => acf(lag) / zero);
}

describe('Tempogram', () => {
  // 580 frames pad to 1024 with 7 frames to spare; 1000 frames would wrap at 1024, so they get 2048.
  it.each([6, 580 / FRAME_RATE, 1000 / FRAME_RATE])(
    'computes the normalised autocorrelation at every lag the comb can read, free of wrap-around (%f s)',
    (seconds) => {
      const tg = new Tempogram(FRAME_RATE, seconds);
      const x = envelope(tg.capacity, 88);
      for (const v of x) tg.push(v);
      tg.update();
      // The comb reads lags below 3/4 of the window, plus one for interpolation.
      expect(tg.lags).toBeGreaterThan(Math.ceil(tg.capacity * 0.75));
      const expected = directRho(x, FRAME_RATE, tg.lags);
      for (let lag = 0; lag < tg.lags; lag++) expect(tg.rho[lag]).toBeCloseTo(expected[lag] ?? 0, 9);
    },
  );

  it('CombBank scores equal Tempogram.measure exactly, also while the window is filling', () => {
    const tg = new Tempogram(FRAME_RATE, 6);
    const bpms = Float64Array.from({ length: 400 }, (_, i) => 40 * 2 ** (i / 150));
    const bank = new CombBank(FRAME_RATE, bpms);
    const x = envelope(tg.capacity + 300, 90, 2);
    for (const frames of [400, tg.capacity + 300]) {
      tg.reset();
      for (let i = 0; i < frames; i++) tg.push(x[i] ?? 0);
      tg.update();
      bank.evaluate(tg.rho, tg.length, 0, bpms.length);
      for (let c = 0; c < bpms.length; c++) {
        tg.measure(bpms[c] ?? 0);
        expect(bank.score[c]).toBe(tg.measured[0]);
        expect(bank.between[c]).toBe(tg.measured[1]);
      }
    }
  });
});
