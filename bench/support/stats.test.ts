import { describe, expect, it } from 'vitest';
import { formatSummary, linearFit, pairOnsets, quantile, summarize } from './stats';

describe('quantile', () => {
  it('interpolates between ranks like numpy', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('rejects empty input and out-of-range q', () => {
    expect(() => quantile([], 0.5)).toThrow();
    expect(() => quantile([1], 1.5)).toThrow();
  });
});

describe('summarize', () => {
  it('does not care about input order', () => {
    const s = summarize([5, 1, 3, 2, 4]);
    expect(s).toMatchObject({ count: 5, min: 1, median: 3, max: 5, mean: 3 });
    expect(s.p95).toBeCloseTo(4.8);
    expect(formatSummary(s)).toBe('n=5 min=1.0 ms median=3.0 ms p95=4.8 ms max=5.0 ms');
  });
});

describe('pairOnsets', () => {
  it('pairs each send with the first receive after it', () => {
    const p = pairOnsets([1000, 2000, 3000], [1150, 2160, 3140], 900);
    expect(p).toEqual({ lags: [150, 160, 140], unmatchedSent: 0, unmatchedReceived: 0 });
  });

  it('skips a lost click instead of shifting every later pair', () => {
    const p = pairOnsets([1000, 2000, 3000, 4000], [1150, 3150, 4150], 500);
    expect(p.lags).toEqual([150, 150, 150]);
    expect(p.unmatchedSent).toBe(1);
  });

  it('ignores receives with no send before them and sends with nothing within maxLag', () => {
    const p = pairOnsets([1000, 2000], [900, 1100], 500);
    expect(p).toEqual({ lags: [100], unmatchedSent: 1, unmatchedReceived: 1 });
  });
});

describe('linearFit', () => {
  it('recovers an exact line', () => {
    const fit = linearFit([0, 1, 2, 4], [0.1, 0.22, 0.34, 0.58]);
    expect(fit.slope).toBeCloseTo(0.12);
    expect(fit.intercept).toBeCloseTo(0.1);
    expect(fit.r2).toBeCloseTo(1);
  });
  it('reports a poor fit for scattered points', () => {
    const fit = linearFit([0, 1, 2, 3], [1, 3, 0, 2]);
    expect(fit.slope).toBeCloseTo(0);
    expect(fit.r2).toBeLessThan(0.1);
  });
  it('refuses fewer than two x values', () => {
    expect(() => linearFit([1], [1])).toThrow();
    expect(() => linearFit([2, 2], [1, 3])).toThrow();
  });
});
