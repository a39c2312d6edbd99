import { describe, expect, it } from 'vitest';
import { whiteNoise } from '@/lib/bpm/synth.test-support';
import { LIMITER_DELAY, TruePeakLimiter } from './limiter';
import { dbOf, linearOf, truePeakOf } from './true-peak';
import { concat, RATE, run, scaled, silence, sine } from './signals.test-support';

const CEILING = linearOf(-1);

/** Limit, then 100 ms of silence: the end of the signal must pass through the limiter as well. */
function limit(left: Float32Array, right = left) {
  const limiter = new TruePeakLimiter(RATE, -1);
  return run((a, b, c, d, n) => limiter.process(a, b, c, d, n), concat(left, silence(0.1)), concat(right, silence(0.1)));
}

function square(hz: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  for (let i = 0; i < out.length; i++) out[i] = Math.floor((2 * hz * i) / RATE) % 2 === 0 ? 1 : -1;
  return out;
}

describe('TruePeakLimiter', { timeout: 30_000 }, () => {
  const nasty: [string, Float32Array, Float32Array?][] = [
    ['a quarter-rate sine at 45 degrees (true peak 3 dB over its samples)', sine(12_000, 0, 1, RATE, Math.PI / 4)],
    ['a 1 kHz sine at +6 dBFS', sine(1000, 6, 1)],
    ['white noise 12 dB too hot', whiteNoise(2, RATE, 4)],
    ['a full-scale 100 Hz square wave', square(100, 1)],
    ['a burst right after silence', concat(silence(0.5), scaled(whiteNoise(0.2, RATE, 1), 12), silence(0.2), sine(5000, 3, 0.3))],
    ['different material left and right', sine(18_000, 0, 1, RATE, 1), whiteNoise(1, RATE, 2)],
  ];

  it.each(nasty)('keeps %s under -1 dBTP', (_name, left, right) => {
    const out = limit(left, right ?? left);
    const tp = truePeakOf(out.left, out.right);
    expect(dbOf(tp)).toBeLessThanOrEqual(-1);
    expect(tp).toBeGreaterThan(CEILING * 0.8); // and it limits, rather than muting
  });

  it('leaves a signal under the ceiling untouched, only delayed by its look-ahead', () => {
    const x = sine(997, -6, 0.5);
    const out = limit(x);
    for (let i = LIMITER_DELAY; i < x.length; i += 97) expect(out.left[i]).toBeCloseTo(x[i - LIMITER_DELAY]!, 6);
  });

  it('reports its gain reduction and recovers after the peak (150 ms release)', () => {
    const limiter = new TruePeakLimiter(RATE, -1);
    const x = concat(sine(1000, 5, 0.5), sine(1000, -12, 1.5));
    run((a, b, c, d, n) => limiter.process(a, b, c, d, n), x.subarray(0, RATE / 2));
    expect(limiter.takeReductionDb()).toBeCloseTo(-6.05, 1);
    run((a, b, c, d, n) => limiter.process(a, b, c, d, n), x.subarray(RATE / 2, RATE + RATE / 2));
    limiter.takeReductionDb();
    run((a, b, c, d, n) => limiter.process(a, b, c, d, n), x.subarray(RATE + RATE / 2));
    expect(limiter.takeReductionDb()).toBeGreaterThan(-0.01);
  });
});
