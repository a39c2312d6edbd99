import 'server-only';
import { Mutex } from 'redis-semaphore';
import { redisClient, redisKey } from './client';

/** The Redis side of a lease: one key holding the holder's token, with a TTL. */
export interface LeaseStore {
  /** SET NX PX: true when this token now holds the lease. */
  acquire(token: string): Promise<boolean>;
  /** Extends the TTL only if the key still holds this token (Lua compare-and-expire). */
  renew(token: string): Promise<boolean>;
  /** Deletes the key only if it still holds this token. */
  release(token: string): Promise<void>;
}

/**
 * redis-semaphore's Mutex does the Redis work (its Lua scripts); the timing is ours (src/server/loop
 * lease-plan.ts), so its own refresh timer is off and each call gets a Mutex bound to our token.
 * `acquiredExternally` makes tryAcquire() a compare-and-expire, and release() a compare-and-delete.
 */
export function redisLeaseStore(name: string, ttlMs: number): LeaseStore | null {
  const client = redisClient();
  if (!client) return null;
  const key = redisKey(`lease:${name}`);
  const base = { lockTimeout: ttlMs, refreshInterval: 0, acquireAttemptsLimit: 1, acquireTimeout: ttlMs, retryInterval: 0 };
  const bound = (token: string) => new Mutex(client, key, { ...base, identifier: token, acquiredExternally: true });
  return {
    acquire: (token) => new Mutex(client, key, { ...base, identifier: token }).tryAcquire(),
    renew: (token) => bound(token).tryAcquire(),
    release: (token) => bound(token).release(),
  };
}
