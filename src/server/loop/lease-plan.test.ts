import { describe, expect, it } from 'vitest';
import { COMMAND_TIMEOUT_MS } from '../redis';
import {
  ACQUIRE_EVERY_MS,
  afterAttempt,
  LEASE_TTL_MS,
  leaseValid,
  nextStep,
  NOT_HELD,
  RENEW_EVERY_MS,
  SAFETY_MARGIN_MS,
} from './lease-plan';

describe('lease plan', () => {
  it('keeps the TTL under 10 s and renews several times per TTL', () => {
    expect(LEASE_TTL_MS).toBeLessThan(10_000);
    expect(LEASE_TTL_MS / RENEW_EVERY_MS).toBeGreaterThanOrEqual(3);
    // A dead holder is replaced within 10 s: its TTL runs out, then the next acquire attempt.
    expect(LEASE_TTL_MS + ACQUIRE_EVERY_MS).toBeLessThanOrEqual(10_000);
    // With 3 s to spare for a loaded host, whose timers fire late.
    expect(10_000 - (LEASE_TTL_MS + ACQUIRE_EVERY_MS)).toBeGreaterThanOrEqual(3_000);
    // A loaded holder keeps the lease through two renewals that time out. After its last good renewal
    // (sent at 0) the next goes at RENEW_EVERY_MS, and each after a failed one max(renew, timeout)
    // later; the third still has a second to be answered before the holder stops acting.
    const thirdSentAt = RENEW_EVERY_MS + 2 * Math.max(RENEW_EVERY_MS, COMMAND_TIMEOUT_MS);
    expect(LEASE_TTL_MS - SAFETY_MARGIN_MS - thirdSentAt).toBeGreaterThanOrEqual(1_000);
  });

  it('is valid from an acquire until the confirmed expiry minus the margin', () => {
    const held = afterAttempt(NOT_HELD, 'tok', 1_000, 'ok');
    expect(held).toEqual({ token: 'tok', confirmedUntil: 1_000 + LEASE_TTL_MS });
    expect(leaseValid(held, 1_000)).toBe(true);
    expect(leaseValid(held, 1_000 + LEASE_TTL_MS - SAFETY_MARGIN_MS - 1)).toBe(true);
    expect(leaseValid(held, 1_000 + LEASE_TTL_MS - SAFETY_MARGIN_MS)).toBe(false);
    expect(leaseValid(NOT_HELD, 0)).toBe(false);
  });

  it('counts the expiry from when the renewal was sent, not answered', () => {
    const held = afterAttempt(NOT_HELD, 'tok', 0, 'ok');
    expect(afterAttempt(held, 'tok', 2_000, 'ok').confirmedUntil).toBe(2_000 + LEASE_TTL_MS);
  });

  it('drops the lease at once when Redis says another token holds it', () => {
    const held = afterAttempt(NOT_HELD, 'tok', 0, 'ok');
    expect(afterAttempt(held, 'tok', 2_000, 'refused')).toEqual(NOT_HELD);
  });

  it('rides out a Redis error on its old confirmation, which then runs out', () => {
    const held = afterAttempt(NOT_HELD, 'tok', 0, 'ok');
    const kept = afterAttempt(held, 'tok', 2_000, 'error');
    expect(kept).toBe(held);
    expect(leaseValid(kept, 2_000)).toBe(true);
    expect(leaseValid(kept, LEASE_TTL_MS - SAFETY_MARGIN_MS)).toBe(false);
    expect(afterAttempt(held, 'tok', LEASE_TTL_MS, 'error')).toEqual(NOT_HELD);
  });

  it('renews while held and tries to acquire otherwise', () => {
    expect(nextStep(NOT_HELD, 5_000)).toEqual({ kind: 'acquire', at: 5_000 + ACQUIRE_EVERY_MS });
    expect(nextStep(afterAttempt(NOT_HELD, 't', 5_000, 'ok'), 5_000)).toEqual({ kind: 'renew', at: 5_000 + RENEW_EVERY_MS });
  });
});
