import 'server-only';
import { redisClient, redisKey } from './client';

/** What better-auth's `secondaryStorage` needs (its SecondaryStorage type, restated to keep this adapter plain). */
export type KeyValueStore = {
  get: (key: string) => Promise<string | null>;
  getAndDelete: (key: string) => Promise<string | null>;
  increment: (key: string, ttlSeconds: number) => Promise<number>;
  set: (key: string, value: string, ttlSeconds?: number) => Promise<void>;
  delete: (key: string) => Promise<void>;
};

// The TTL is set on creation only: a fixed window, as better-auth's contract says.
const INCREMENT = `local v = redis.call('INCR', KEYS[1])
if v == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return v`;

/** better-auth's shared store (its rate-limit counters, session cache) under `<prefix>auth:`; null without Redis. */
export function authStorage(): KeyValueStore | null {
  const client = redisClient();
  if (!client) return null;
  const k = (key: string) => redisKey(`auth:${key}`);
  return {
    get: (key) => client.get(k(key)),
    getAndDelete: (key) => client.getdel(k(key)),
    increment: async (key, ttl) => Number(await client.eval(INCREMENT, 1, k(key), Math.max(1, Math.ceil(ttl)))),
    set: async (key, value, ttl) => {
      if (ttl && ttl > 0) await client.set(k(key), value, 'EX', Math.ceil(ttl));
      else await client.set(k(key), value);
    },
    delete: async (key) => void (await client.del(k(key))),
  };
}
