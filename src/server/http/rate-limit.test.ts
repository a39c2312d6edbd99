import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows up to the limit per window, then reports seconds until reset', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')]).toEqual([null, null, null]);
    expect(limiter.hit('a')).toBe(60);
    now += 30_000;
    expect(limiter.hit('a')).toBe(30);
  });

  it('keeps clients apart and opens a new window after reset', () => {
    let now = 0;
    const limiter = new RateLimiter(1, 1_000, () => now);
    expect(limiter.hit('a')).toBeNull();
    expect(limiter.hit('b')).toBeNull();
    expect(limiter.hit('a')).toBe(1);
    now = 1_000;
    expect(limiter.hit('a')).toBeNull();
  });
});
