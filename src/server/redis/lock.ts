import 'server-only';
import { Mutex, TimeoutError } from 'redis-semaphore';
import { processSingleton } from '../singleton';
import { redisClient, redisKey } from './client';

/** The tail of each name's queue in this process. */
const tails = () => processSingleton('redis.lock.tails', () => new Map<string, Promise<void>>());

/**
 * Runs `work` while no other call with the same name runs: in this process always, and in every
 * replica when they share a Redis (APP_REDIS_URL). For check-then-write sequences such as "no
 * overlapping slot, then insert", which two requests could otherwise interleave. With Redis away,
 * this process's queue still holds, as the rest of the app falls back to one process.
 * When another replica keeps the lock past `waitMs` (longer than any such write takes), throws
 * what `busy` makes: the caller's own error for "try again".
 */
export async function withLock<T>(name: string, work: () => Promise<T>, busy: () => Error, waitMs = 5_000): Promise<T> {
  const queue = tails();
  const before = queue.get(name) ?? Promise.resolve();
  let release!: () => void;
  const tail = before.then(() => new Promise<void>((r) => (release = r)));
  queue.set(name, tail);
  await before;
  try {
    return await acrossReplicas(name, work, busy, waitMs);
  } finally {
    release();
    if (queue.get(name) === tail) queue.delete(name);
  }
}

async function acrossReplicas<T>(name: string, work: () => Promise<T>, busy: () => Error, waitMs: number): Promise<T> {
  const client = redisClient();
  if (!client) return work();
  // lockTimeout bounds a replica that dies holding it; refreshed while work runs longer.
  const mutex = new Mutex(client, redisKey(`lock:${name}`), { lockTimeout: 10_000, acquireTimeout: waitMs, retryInterval: 25 });
  let held = false;
  try {
    await mutex.acquire();
    held = true;
  } catch (err) {
    if (err instanceof TimeoutError) throw busy();
    console.warn(`[redis] lock ${name} not taken (${err instanceof Error ? err.message : String(err)}): this process alone is serialised`);
  }
  try {
    return await work();
  } finally {
    if (held) await mutex.release().catch(() => undefined);
  }
}
