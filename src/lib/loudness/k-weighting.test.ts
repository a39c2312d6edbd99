import { describe, expect, it } from 'vitest';
import { highPassCoefficients, KWeighting, shelfCoefficients } from './k-weighting';
import { RATE, sine } from './signals.test-support';

describe('K-weighting', () => {
  it('equals BS.1770-4 Table 1 at 48 kHz', () => {
    const s = shelfCoefficients(48_000);
    expect(s.b0).toBeCloseTo(1.53512485958697, 10);
    expect(s.b1).toBeCloseTo(-2.69169618940638, 10);
    expect(s.b2).toBeCloseTo(1.19839281085285, 10);
    expect(s.a1).toBeCloseTo(-1.69065929318241, 10);
    expect(s.a2).toBeCloseTo(0.73248077421585, 10);
    const h = highPassCoefficients(48_000);
    expect([h.b0, h.b1, h.b2]).toEqual([1, -2, 1]);
    expect(h.a1).toBeCloseTo(-1.99004745483398, 10);
    expect(h.a2).toBeCloseTo(0.99007225036621, 10);
  });

  it('passes 1 kHz at about +0.69 dB, lifts 10 kHz by about 4 dB and cuts 20 Hz', () => {
    const gainAt = (hz: number) => {
      const k = new KWeighting(RATE);
      const x = sine(hz, 0, 2);
      let sumIn = 0;
      let sumOut = 0;
      for (let i = 0; i < x.length; i++) {
        const y = k.process(x[i]!);
        if (i >= RATE) {
          sumIn += x[i]! ** 2;
          sumOut += y * y;
        }
      }
      return 10 * Math.log10(sumOut / sumIn);
    };
    expect(gainAt(997)).toBeCloseTo(0.69, 1);
    expect(gainAt(10_000)).toBeGreaterThan(3.5);
    expect(gainAt(20)).toBeLessThan(-5);
  });
});
