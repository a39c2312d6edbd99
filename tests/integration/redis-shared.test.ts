// The app's Redis adapter against the stack's own app Redis (APP_REDIS_URL, scripts/with-stack.ts):
// two limiter instances share one budget, pub/sub reaches another connection, and the background
// lease moves to a second holder within 10 s of the first one losing Redis, never held twice.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { Lease } from '@/server/loop/lease';
import { LEASE_TTL_MS } from '@/server/loop/lease-plan';
import { createHitCounter, type LeaseStore, publish, redisLeaseStore, subscribe } from '@/server/redis';

const url = process.env.APP_REDIS_URL;
const prefix = process.env.APP_REDIS_KEY_PREFIX ?? 'radio:';
if (!url) throw new Error('APP_REDIS_URL is missing: run through scripts/with-stack.ts, which starts the app Redis');
const inspect = new Redis(url);
const leases: Lease[] = [];

afterAll(async () => {
  await Promise.all(leases.map((l) => l.stop()));
  inspect.disconnect();
});

describe('app Redis', () => {
  it('shares one rate-limit budget between limiter instances (as between replicas)', async () => {
    const name = `it-${randomUUID()}`;
    const a = createHitCounter({ name, points: 5, windowSeconds: 60 });
    const b = createHitCounter({ name, points: 5, windowSeconds: 60 });
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await (i % 2 ? b : a).hit('client-1'));
    expect(replies.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(replies[5]).toBeGreaterThan(50);
    expect(await a.hit('client-2')).toBeNull(); // per client
    // Counted in Redis under the app's prefix, not in this process's memory.
    expect(await inspect.keys(`${prefix}rl:${name}*`)).not.toEqual([]);
  });

  it('delivers a published notice to another connection within a second', async () => {
    const channel = `it:${randomUUID()}`;
    const got: number[] = [];
    const off = subscribe(channel, (m) => got.push(Date.now() - Number(m)));
    // SUBSCRIBE is asynchronous: publish until the subscriber hears one.
    await expect
      .poll(
        async () => {
          publish(channel, String(Date.now()));
          return got.length;
        },
        { timeout: 5_000, interval: 100 },
      )
      .toBeGreaterThan(0);
    off();
    expect(got[0]).toBeLessThan(1_000);
  });

  it('hands the lease over within 10 s when its holder loses Redis, and never has two holders', { timeout: 60_000 }, async () => {
    const name = `it-${randomUUID()}`;
    const real = redisLeaseStore(name, LEASE_TTL_MS) as LeaseStore;
    let partitioned = false;
    // A's renewals stop reaching Redis (a partition, or a frozen process): the lease must lapse on its own.
    const cutOff: LeaseStore = { ...real, renew: (t) => (partitioned ? Promise.reject(new Error('partitioned')) : real.renew(t)) };
    const changes: string[] = [];
    const a = new Lease(cutOff, (held) => changes.push(`a:${held}`));
    const b = new Lease(real, (held) => changes.push(`b:${held}`));
    leases.push(a, b);
    a.start();
    await expect.poll(() => a.held(), { timeout: 5_000, interval: 50 }).toBe(true);
    b.start();
    const samples: [boolean, boolean][] = [];
    const sample = () => samples.push([a.held(), b.held()]);
    for (let i = 0; i < 30; i++) {
      sample();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(samples.every(([x, y]) => x && !y)).toBe(true); // A renews; B cannot take it

    partitioned = true;
    const cutAt = Date.now();
    let takeoverMs = -1;
    while (Date.now() - cutAt < 12_000 && takeoverMs < 0) {
      sample();
      if (b.held()) takeoverMs = Date.now() - cutAt;
      await new Promise((r) => setTimeout(r, 50));
    }
    console.info(`[lease] B took over ${takeoverMs} ms after A lost Redis (TTL ${LEASE_TTL_MS} ms)`);
    expect(takeoverMs).toBeGreaterThan(0);
    expect(takeoverMs).toBeLessThan(10_000);
    expect(samples.some(([x, y]) => x && y)).toBe(false);
    expect(changes).toEqual(['a:true', 'a:false', 'b:true']);
    // A is back: its renewal is refused (B's token is in Redis), and it stays a follower.
    partitioned = false;
    await new Promise((r) => setTimeout(r, 3_000));
    expect([a.held(), b.held()]).toEqual([false, true]);
    expect(await inspect.get(`mutex:${prefix}lease:${name}`)).not.toBeNull();
  });
});
