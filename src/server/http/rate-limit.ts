import 'server-only';
import { createHitCounter, type HitCounter } from '../redis';

/**
 * A fixed-window limit per key: `limit` hits per `windowMs`. rate-limiter-flexible counts them, in
 * the app's Redis when one is configured (so replicas share one budget per client), else in memory.
 * Created on first use: the Redis connection is the process's one.
 */
export class RateLimiter {
  private counter: HitCounter | undefined;

  constructor(
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit; resolves to null when allowed, else seconds until the window resets. */
  hit(key: string): Promise<number | null> {
    this.counter ??= createHitCounter({ name: this.name, points: this.limit, windowSeconds: Math.ceil(this.windowMs / 1000) });
    return this.counter.hit(key);
  }
}
