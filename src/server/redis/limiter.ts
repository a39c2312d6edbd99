import 'server-only';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { redisClient, redisKey } from './client';

/** A fixed-window limit: `points` hits per `windowSeconds` per key. */
export type LimitSpec = { name: string; points: number; windowSeconds: number };

/** Counts hits per key; shared by every replica when a Redis is configured, in memory otherwise. */
export interface HitCounter {
  /** Counts one hit; null when allowed, else whole seconds until the window resets. */
  hit(key: string): Promise<number | null>;
}

/**
 * rate-limiter-flexible: one atomic Lua step per hit in Redis. If Redis fails, its insurance limiter
 * (the same limit in this process's memory) answers, so an outage loosens limits per replica instead
 * of refusing or waving through every request.
 */
export function createHitCounter(spec: LimitSpec): HitCounter {
  const opts = { keyPrefix: redisKey(`rl:${spec.name}`), points: spec.points, duration: spec.windowSeconds };
  const client = redisClient();
  const limiter: RateLimiterAbstract = client
    ? new RateLimiterRedis({ ...opts, storeClient: client, insuranceLimiter: new RateLimiterMemory(opts) })
    : new RateLimiterMemory(opts);
  return {
    async hit(key) {
      try {
        await limiter.consume(key);
        return null;
      } catch (res) {
        if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw res;
      }
    },
  };
}
