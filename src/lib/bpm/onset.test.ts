import { describe, expect, it } from 'vitest';
import { RealFft } from './fft';
import { OnsetEnvelope } from './onset';
import { fourOnFloor, render, whiteNoise } from './synth.test-support';

const SR = 48_000;
const EDGES = [30, 150, 400, 1000, 2500, 6000, 11000];

/** The envelope's definition, one log per bin: band-weighted rectified flux of log(1 + 100|X| / (size/4)). */
function reference(x: Float32Array, sampleRate: number): number[] {
  const size = 1024;
  const hop = size / 4;
  const fft = new RealFft(size);
  const hz = sampleRate / size;
  const bands = EDGES.slice(0, -1).map(
    (lo, b) => [Math.max(1, Math.ceil(lo / hz)), Math.ceil(Math.min(EDGES[b + 1] ?? 0, sampleRate * 0.475) / hz)] as const,
  );
  const prev = new Float64Array(size / 2 + 1);
  const frame = new Float64Array(size);
  const out: number[] = [];
  for (let end = hop; end <= x.length; end += hop) {
    for (let i = 0; i < size; i++) frame[i] = (x[end - size + i] ?? 0) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
    fft.forward(frame);
    let flux = 0;
    for (const [lo, hi] of bands) {
      for (let k = lo; k < hi; k++) {
        const log = Math.log1p((100 / (size / 4)) * Math.hypot(fft.spectrum[2 * k] ?? 0, fft.spectrum[2 * k + 1] ?? 0));
        if (log > (prev[k] ?? 0)) flux += (log - (prev[k] ?? 0)) / (hi - lo);
        prev[k] = log;
      }
    }
    out.push(flux / bands.length);
  }
  return out;
}

function envelope(x: Float32Array): number[] {
  const onset = new OnsetEnvelope(SR);
  const out: number[] = [];
  for (let i = 0; i < x.length; i += 128) {
    for (let j = 0; j < 128;) {
      j += onset.write(x, i + j, 128 - j);
      if (onset.frameReady) out.push(onset.value);
    }
  }
  return out;
}

describe('OnsetEnvelope', () => {
  it('equals the per-bin log definition on drums and noise', () => {
    const x = render(fourOnFloor(128, 0.1, 3), 3, SR);
    const n = whiteNoise(3, SR, 0.05);
    for (let i = 0; i < x.length; i++) x[i] = (x[i] ?? 0) + (n[i] ?? 0);
    const got = envelope(x);
    const want = reference(x, SR);
    expect(got.length).toBe(want.length);
    want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 9));
  });

  it('stays exact when a loud burst after silence would overflow a product of ratios', () => {
    const x = new Float32Array(SR);
    x.set(whiteNoise(0.5, SR, 1e6), SR / 2);
    const got = envelope(x);
    const want = reference(x, SR);
    // Rising log differences near 15 per bin: a band's plain product of ratios would pass 1e308 after ~48 bins.
    expect(Math.max(...want)).toBeGreaterThan(10);
    want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 9));
  });
});
