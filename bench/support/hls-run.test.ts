import { describe, expect, it } from 'vitest';
import { edgeDrift, lagDrift, stallMinutes, trackLags } from './hls-run';

describe('stallMinutes', () => {
  it('reads --stall-minutes N and --stall-minutes=N', () => {
    expect(stallMinutes(['node', 'bench/hls.ts'])).toBeNull();
    expect(stallMinutes(['--stall-minutes', '10'])).toBe(10);
    expect(stallMinutes(['--stall-minutes=1'])).toBe(1);
  });
  it('refuses a missing or senseless value', () => {
    expect(() => stallMinutes(['--stall-minutes'])).toThrow(/number of minutes/);
    expect(() => stallMinutes(['--stall-minutes', 'ten'])).toThrow();
    expect(() => stallMinutes(['--stall-minutes=0'])).toThrow();
  });
});

describe('edgeDrift', () => {
  it('compares the first and last minute of a run', () => {
    // 10 minutes, one sample a second, slipping from 2 s to 3 s behind the edge.
    const samples = Array.from({ length: 601 }, (_, i) => ({ t: i * 1000, behind: 2 + i / 600 }));
    const d = edgeDrift(samples);
    expect(d?.first).toBeCloseTo(2.05, 2);
    expect(d?.last).toBeCloseTo(2.95, 2);
    expect(d?.max).toBe(3);
    expect(d?.drift).toBeCloseTo(0.9, 2);
  });
  it('uses a third of a short run and needs a few samples', () => {
    const samples = [2, 2, 2, 4, 4, 4].map((behind, i) => ({ t: i * 1000, behind }));
    expect(edgeDrift(samples)?.drift).toBe(2);
    expect(edgeDrift(samples.slice(0, 2))).toBeNull();
  });
});

describe('lagDrift', () => {
  it('is the change in median lag between the first and last clicks', () => {
    const lags = [...Array(10).fill(3500), ...Array(5).fill(3600), ...Array(10).fill(3700)];
    expect(lagDrift(lags)).toBe(200);
    expect(lagDrift(lags.slice(0, 15))).toBeNull();
  });
});

describe('trackLags', () => {
  it('follows a lag that drifts further than the tolerance over the run', () => {
    const sent = Array.from({ length: 40 }, (_, i) => i * 1000);
    // 4.2 s slipping to 4.98 s, 20 ms per click; one click lost, one stray onset.
    const received = sent.filter((_, i) => i !== 7).map((t, i) => t + 4200 + 20 * (i >= 7 ? i + 1 : i));
    received.push(12_345);
    const lags = trackLags(sent, received, 4200);
    expect(lags).toHaveLength(39);
    expect(lags[0]).toBe(4200);
    expect(lags.at(-1)).toBe(4980);
  });
});
