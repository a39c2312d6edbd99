import { describe, expect, it } from 'vitest';
import { afterFailure, backoffMs, MAX_ATTEMPTS, plainMessage, settleBudgetMs } from './retry-plan';

describe('action retries', () => {
  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(backoffMs)).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('keeps trying until the last attempt, then fails', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(afterFailure(1, now)).toEqual({ status: 'pending', nextAttemptAt: new Date(now.getTime() + 500) });
    expect(afterFailure(MAX_ATTEMPTS - 1, now).status).toBe('pending');
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: 'failed', nextAttemptAt: now });
  });

  it('keeps a plain message and no stack', () => {
    const err = new Error('boom\n    at foo (bar.ts:1:1)');
    expect(plainMessage(err)).toBe('boom');
    expect(plainMessage(new TypeError('fetch failed'))).toBe('LiveKit could not be reached (fetch failed)');
    expect(plainMessage(new TypeError('x', { cause: new Error('connect ECONNREFUSED 127.0.0.1:7880') }))).toMatch(/could not be reached/);
    expect(plainMessage('a'.repeat(400))).toHaveLength(300);
    expect(plainMessage(undefined)).toBe('unknown error');
  });

  it('answers within the second whatever the request already spent', () => {
    expect(settleBudgetMs(1000, 1100)).toBe(200);
    expect(settleBudgetMs(1000, 1400)).toBe(0);
  });
});
