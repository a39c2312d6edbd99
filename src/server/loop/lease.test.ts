import { describe, expect, it } from 'vitest';
import type { LeaseStore } from '../redis';
import { Lease } from './lease';
import { ACQUIRE_EVERY_MS, LEASE_TTL_MS, RENEW_EVERY_MS, SAFETY_MARGIN_MS } from './lease-plan';

/** A manual clock (timers fire only when the test advances time) and one in-memory lease key with a TTL. */
function world() {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const key = { token: null as string | null, until: 0, down: false };
  const live = () => (key.token !== null && now < key.until ? key.token : null);
  const check = () => {
    if (key.down) throw new Error('redis down');
  };
  const store: LeaseStore = {
    acquire: async (t) => (check(), live() === null ? ((key.token = t), (key.until = now + LEASE_TTL_MS), true) : false),
    renew: async (t) => (check(), live() === t ? ((key.until = now + LEASE_TTL_MS), true) : false),
    release: async (t) => void (live() === t && (key.token = null)),
  };
  const clock = {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => (timers.set(++seq, { at: now + ms, fn }), seq),
    clearTimeout: (id: unknown) => void timers.delete(id as number),
  };
  const ticks = async () => {
    for (let i = 0; i < 50; i++) await Promise.resolve();
  };
  async function advance(ms: number) {
    const end = now + ms;
    await ticks(); // lets a pending attempt finish and schedule its next step
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
      await ticks();
    }
    now = end;
  }
  return { store, clock, key, advance, flush: () => advance(0) };
}

describe('Lease', () => {
  it('is always held without a store (one app process), since its start', () => {
    const lease = new Lease(null, () => undefined, { ...world().clock, now: () => 1_234 });
    expect(lease.held()).toBe(true);
    expect(lease.heldSince()).toBe(1_234);
  });

  it('gives the lease to one replica, renews it, and hands it over within 10 s when the holder dies', async () => {
    const w = world();
    const events: string[] = [];
    const a = new Lease(w.store, (h) => events.push(`a:${h}`), w.clock);
    const b = new Lease(w.store, (h) => events.push(`b:${h}`), w.clock);
    a.start();
    await w.flush();
    b.start();
    await w.advance(30_000);
    expect([a.held(), b.held()]).toEqual([true, false]);
    // a hangs: no more renewals, and it never released; its own clock tells it first
    (a as unknown as { running: boolean }).running = false; // its pending step does nothing
    const hungAt = w.clock.now();
    expect(a.heldSince()).toBe(0);
    expect(b.heldSince()).toBeNull();
    let takeover = -1;
    for (let t = 0; t <= 10_000 && takeover < 0; t += 100) {
      await w.advance(100);
      if (b.held()) takeover = t + 100;
      expect(a.held() && b.held()).toBe(false); // never two holders, even by their own clocks
    }
    expect(takeover).toBeGreaterThan(LEASE_TTL_MS - RENEW_EVERY_MS);
    expect(takeover).toBeLessThanOrEqual(LEASE_TTL_MS + ACQUIRE_EVERY_MS);
    expect(events).toEqual(['a:true', 'a:false', 'b:true']);
    // The takeover's own time, not the next look at held(): within the 100 ms step that saw it.
    expect(b.heldSince()! - hungAt).toBeGreaterThan(takeover - 100);
    expect(b.heldSince()! - hungAt).toBeLessThanOrEqual(takeover);
    expect(a.heldSince()).toBeNull();
  });

  it('stops acting before its confirmation runs out when Redis is unreachable, and says so', async () => {
    const w = world();
    const events: boolean[] = [];
    const a = new Lease(w.store, (h) => events.push(h), w.clock);
    a.start();
    await w.flush();
    await w.advance(RENEW_EVERY_MS); // renewed once: confirmed until then + TTL
    w.key.down = true;
    await w.advance(LEASE_TTL_MS - SAFETY_MARGIN_MS - 100);
    expect(a.held()).toBe(true);
    expect(a.heldSince()).toBe(0);
    await w.advance(200);
    expect(a.held()).toBe(false);
    expect(a.heldSince()).toBeNull();
    expect(events).toEqual([true, false]);
    // Redis back: the lease is taken again, since then, not since the first time.
    w.key.down = false;
    w.key.token = null;
    const backAt = w.clock.now();
    await w.advance(RENEW_EVERY_MS + ACQUIRE_EVERY_MS); // a refused renew, then an acquire
    expect(a.held()).toBe(true);
    expect(a.heldSince()).toBeGreaterThan(backAt);
    expect(events).toEqual([true, false, true]);
  });

  it('gives the lease back on stop, so another replica takes it at its next attempt', async () => {
    const w = world();
    const a = new Lease(w.store, () => undefined, w.clock);
    const b = new Lease(w.store, () => undefined, w.clock);
    a.start();
    await w.flush();
    b.start();
    await w.flush();
    await a.stop();
    expect(a.held()).toBe(false);
    await w.advance(ACQUIRE_EVERY_MS);
    expect(b.held()).toBe(true);
  });

  it('holds the lease at the next attempt when an acquire went through but its answer was lost', async () => {
    const w = world();
    let lost = 1;
    // The first SET lands in Redis, but its answer times out; later ones answer normally.
    const acquire = async (t: string) => {
      const ok = await w.store.acquire(t);
      if (lost-- > 0) throw new Error('timeout');
      return ok;
    };
    const a = new Lease({ ...w.store, acquire }, () => undefined, w.clock);
    a.start();
    await w.flush();
    expect(a.held()).toBe(false);
    await w.advance(ACQUIRE_EVERY_MS);
    expect(a.held()).toBe(true); // not after the TTL: the key already held its own token
  });
});
