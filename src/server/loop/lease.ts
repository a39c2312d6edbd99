import { randomUUID } from 'node:crypto';
import type { LeaseStore } from '../redis';
import { afterAttempt, type LeaseState, leaseValid, nextStep, NOT_HELD, SAFETY_MARGIN_MS } from './lease-plan';
import { type Clock, realClock } from './clock';

/**
 * This replica's hold on the cluster's background-task lease: acquires it, renews it every
 * RENEW_EVERY_MS, and tells `onChange` when it gained or lost it. Without a store (no Redis: one
 * app process) the lease is always held, which is today's single-node behaviour.
 */
export class Lease {
  private state: LeaseState = NOT_HELD;
  private timer: unknown = null;
  private lapseTimer: unknown = null;
  private running = false;
  private reported = false;
  /** When this replica took the lease (its clock) while it holds it; its start without a store. */
  private since: number | null = null;
  /**
   * This replica's token, the same for every attempt: an acquire whose answer was lost (a timeout
   * under load) may have set the key, and the next attempt then finds it ours instead of waiting
   * out the TTL behind itself.
   */
  private readonly token = randomUUID();

  constructor(
    private readonly store: LeaseStore | null,
    private readonly onChange: (held: boolean) => void,
    private readonly clock: Clock = realClock,
  ) {
    if (!store) this.since = clock.now();
  }

  /** The cheap local check: no Redis round trip, only the expiry Redis last confirmed (minus a margin). */
  held(): boolean {
    return this.store === null || leaseValid(this.state, this.clock.now());
  }

  /**
   * When this replica took the lease (epoch ms), null while it does not hold it: the takeover time
   * itself, which a scrape of the held gauge only sees a scrape later.
   */
  heldSince(): number | null {
    // held(), not the last report: between a lapse and its timer, the time is already gone.
    return this.held() ? this.since : null;
  }

  start(): void {
    if (this.running || !this.store) return;
    this.running = true;
    void this.step();
  }

  /** Stops renewing and gives the lease back, so another replica takes over at once (a clean shutdown). */
  async stop(): Promise<void> {
    this.running = false;
    this.clock.clearTimeout(this.timer);
    this.clock.clearTimeout(this.lapseTimer);
    const token = this.state.token;
    this.state = NOT_HELD;
    this.report();
    if (token && this.store) await this.store.release(token).catch(() => undefined);
  }

  private async step(): Promise<void> {
    const store = this.store;
    if (!this.running || !store) return;
    const token = this.token;
    const renewing = this.state.token !== null;
    const sentAt = this.clock.now();
    let result: 'ok' | 'refused' | 'error';
    try {
      const ok = renewing ? await store.renew(token) : (await store.acquire(token)) || (await store.renew(token));
      result = ok ? 'ok' : 'refused';
    } catch {
      result = 'error'; // the Redis client logs the outage once
    }
    if (!this.running) return;
    this.state = afterAttempt(this.state, token, sentAt, result);
    this.report();
    const next = nextStep(this.state, sentAt);
    this.timer = this.clock.setTimeout(() => void this.step(), Math.max(0, next.at - this.clock.now()));
    // Renewals failing (Redis away): the tasks hear of the lapse when it happens, not at the next step.
    this.clock.clearTimeout(this.lapseTimer);
    if (this.state.token) {
      const lapseIn = this.state.confirmedUntil - SAFETY_MARGIN_MS - this.clock.now();
      this.lapseTimer = this.clock.setTimeout(() => this.report(), Math.max(0, lapseIn));
    }
  }

  private report(): void {
    const held = this.held();
    if (held === this.reported) return;
    this.reported = held;
    this.since = held ? this.clock.now() : null;
    console.info(
      held ? '[loop] this replica now runs the once-per-cluster tasks (lease held)' : '[loop] lease lost: once-per-cluster tasks stand by',
    );
    this.onChange(held);
  }
}
