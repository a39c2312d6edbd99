import 'server-only';
import { redisClient, redisKey } from './client';

/** The one thing better-auth shares across replicas: its rate-limit counters (src/server/auth/auth.ts). */
export type CounterStore = {
  /** Adds one to `key` and returns the count; the window starts with the first count. */
  increment: (key: string, ttlSeconds: number) => Promise<number>;
};

// The TTL is set on creation only: a fixed window, as better-auth's contract says.
const INCREMENT = `local v = redis.call('INCR', KEYS[1])
if v == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return v`;

/** better-auth's shared rate-limit counters under `<prefix>auth:`; null without Redis. */
export function authStorage(): CounterStore | null {
  const client = redisClient();
  if (!client) return null;
  return {
    increment: async (key, ttl) => Number(await client.eval(INCREMENT, 1, redisKey(`auth:${key}`), Math.max(1, Math.ceil(ttl)))),
  };
}
