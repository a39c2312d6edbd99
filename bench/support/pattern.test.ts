import { describe, expect, it } from 'vitest';
import { alignByPattern, clickTimes } from './pattern';

describe('clickTimes', () => {
  it('is deterministic and irregular within bounds', () => {
    const a = clickTimes(50);
    expect(a).toEqual(clickTimes(50));
    const gaps = a.slice(1).map((t, i) => t - (a[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0.8);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1.6);
    expect(new Set(gaps.map((g) => g.toFixed(2))).size).toBeGreaterThan(20);
  });
});

describe('alignByPattern', () => {
  it('finds a lag longer than the click spacing and pairs every click', () => {
    const sent = clickTimes(40).map((t) => t * 1000);
    const received = sent.map((t, i) => t + 3_550 + ((i * 37) % 40) - 20);
    const { lag, lags, unmatchedSent } = alignByPattern(sent, received);
    expect(Math.abs(lag - 3_550)).toBeLessThanOrEqual(25);
    expect(unmatchedSent).toBe(0);
    for (const l of lags) expect(Math.abs(l - 3_550)).toBeLessThanOrEqual(25);
  });

  it('is not fooled by a lost click or a shift of one click period', () => {
    const sent = clickTimes(40).map((t) => t * 1000);
    const received = sent.filter((_, i) => i !== 5).map((t) => t + 4_000);
    const { lag, lags, unmatchedSent } = alignByPattern(sent, received);
    expect(lag).toBeCloseTo(4_000, 6);
    expect(unmatchedSent).toBe(1);
    for (const l of lags) expect(l).toBeCloseTo(4_000, 6);
  });
});
