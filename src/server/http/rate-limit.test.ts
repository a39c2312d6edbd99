import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../env', () => ({ getEnv: () => ({ APP_REDIS_URL: '', APP_REDIS_KEY_PREFIX: 'test:' }) }));

const { RateLimiter } = await import('./rate-limit');

// Without APP_REDIS_URL the limiter counts in memory (rate-limiter-flexible's memory store);
// tests/integration/redis-rate-limit.test.ts covers the shared Redis store.
describe('RateLimiter (one process)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it('allows up to the limit per window, then reports seconds until reset', async () => {
    const limiter = new RateLimiter('t1', 3, 60_000);
    expect([await limiter.hit('a'), await limiter.hit('a'), await limiter.hit('a')]).toEqual([null, null, null]);
    expect(await limiter.hit('a')).toBe(60);
    vi.advanceTimersByTime(30_000);
    expect(await limiter.hit('a')).toBe(30);
  });

  it('keeps clients apart and opens a new window after reset', async () => {
    const limiter = new RateLimiter('t2', 1, 1_000);
    expect(await limiter.hit('a')).toBeNull();
    expect(await limiter.hit('b')).toBeNull();
    expect(await limiter.hit('a')).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(await limiter.hit('a')).toBeNull();
  });
});
