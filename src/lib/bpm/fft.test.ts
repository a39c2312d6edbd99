import { describe, expect, it } from 'vitest';
import { RealFft } from './fft';
import { rng } from './synth.test-support';

function dft(x: Float64Array, k: number): [number, number] {
  let re = 0;
  let im = 0;
  for (let n = 0; n < x.length; n++) {
    const a = (-2 * Math.PI * k * n) / x.length;
    re += (x[n] ?? 0) * Math.cos(a);
    im += (x[n] ?? 0) * Math.sin(a);
  }
  return [re, im];
}

const random = (n: number, seed: number) => {
  const r = rng(seed);
  return Float64Array.from({ length: n }, () => r());
};

describe('RealFft', () => {
  it.each([4, 8, 64, 1024])('forward matches a plain DFT at every bin 0..size/2 (size %d)', (size) => {
    const x = random(size, size);
    const fft = new RealFft(size);
    fft.forward(x);
    for (let k = 0; k <= size / 2; k++) {
      const [re, im] = dft(x, k);
      expect(fft.spectrum[2 * k]).toBeCloseTo(re, 9);
      expect(fft.spectrum[2 * k + 1]).toBeCloseTo(im, 9);
    }
  });

  it('computes only the bins asked for', () => {
    const fft = new RealFft(64);
    fft.spectrum.fill(7);
    fft.forward(random(64, 3), 10);
    expect(fft.spectrum[2 * 9]).not.toBe(7);
    expect(fft.spectrum[2 * 10]).toBe(7);
  });

  it('autocorrelates a zero-padded signal like the direct sum', () => {
    const n = 100;
    const x = new Float64Array(256);
    x.set(random(n, 5));
    const out = new Float64Array(256);
    new RealFft(256).autocorrelate(x, out, 120);
    for (const lag of [0, 1, 17, 99, 119]) {
      let direct = 0;
      for (let i = 0; i + lag < n; i++) direct += (x[i] ?? 0) * (x[i + lag] ?? 0);
      expect(out[lag]).toBeCloseTo(direct, 9);
    }
  });

  it('rejects sizes that are not powers of two', () => {
    expect(() => new RealFft(96)).toThrow(RangeError);
  });
});
