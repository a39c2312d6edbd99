import 'server-only';

type Bucket = { count: number; resetAt: number };

/**
 * Fixed-window counter per key, in process memory. Enough for one app node;
 * a cluster would move this to Redis behind the same interface.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit; returns null when allowed, else seconds until the window resets. */
  hit(key: string): number | null {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key);
    if (!bucket || bucket.resetAt <= now) {
      this.buckets.set(key, { count: 1, resetAt: now + this.windowMs });
      return null;
    }
    bucket.count += 1;
    if (bucket.count <= this.limit) return null;
    return Math.max(1, Math.ceil((bucket.resetAt - now) / 1000));
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) if (bucket.resetAt <= now) this.buckets.delete(key);
  }
}
