// The background-task lease's timing, apart from Redis (lease.ts does the I/O). One replica holds
// the lease and runs the once-per-cluster tasks; the others try to take it over.

/**
 * Redis drops a lease nobody renews after this: a killed holder is replaced within TTL + ACQUIRE_EVERY_MS
 * = 6.5 s, which leaves 3.5 s of the 10 s target for a loaded host's late timers (8 s left 1 s; a CI
 * run on a busy machine took 10.04 s, and with 7 s one took 10.7 s: docs/testing.md).
 */
export const LEASE_TTL_MS = 6_000;
/**
 * The holder renews this often. Renewals go one at a time, so two that time out (Redis's command
 * timeout, 1.5 s) and a third that answers within a second keep the lease (lease-plan.test.ts).
 */
export const RENEW_EVERY_MS = 1_000;
/** A replica without the lease tries to take it this often (one SET NX to Redis each time). */
export const ACQUIRE_EVERY_MS = 500;
/**
 * The holder stops acting this long before the expiry it last confirmed: covers clock rate drift
 * between it and Redis and the time one LiveKit call takes after its check.
 */
export const SAFETY_MARGIN_MS = 1_000;

/** What this replica knows: its token while it believes it holds the lease, and until when Redis confirmed it. */
export type LeaseState = { token: string | null; confirmedUntil: number };

export const NOT_HELD: LeaseState = { token: null, confirmedUntil: 0 };

/** The cheap check before each external action: held, and not within the margin of the confirmed expiry. */
export function leaseValid(state: LeaseState, now: number): boolean {
  return state.token !== null && now < state.confirmedUntil - SAFETY_MARGIN_MS;
}

/** Which Redis call comes next, and when. */
export function nextStep(state: LeaseState, lastAttemptAt: number): { kind: 'acquire' | 'renew'; at: number } {
  return state.token === null
    ? { kind: 'acquire', at: lastAttemptAt + ACQUIRE_EVERY_MS }
    : { kind: 'renew', at: lastAttemptAt + RENEW_EVERY_MS };
}

/**
 * The state after an acquire or renew that was sent at `sentAt` (the expiry counts from then, not
 * from the answer: Redis set it no earlier). `ok` is Redis's answer; an error (Redis away) keeps
 * the old confirmation, which then runs out by itself, and a later renew may still save it.
 */
export function afterAttempt(state: LeaseState, token: string, sentAt: number, result: 'ok' | 'refused' | 'error'): LeaseState {
  if (result === 'ok') return { token, confirmedUntil: sentAt + LEASE_TTL_MS };
  if (result === 'refused') return NOT_HELD;
  // Redis unreachable: keep trying to renew until our own confirmation has certainly expired there.
  return state.token !== null && sentAt < state.confirmedUntil ? state : NOT_HELD;
}
