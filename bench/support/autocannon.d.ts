// autocannon 8 ships no types (and @types/autocannon is not installed): just what bench/token.ts uses.
declare module 'autocannon' {
  type Percentiles = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
  };

  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
    /** ms, 2xx responses only (integer resolution). */
    latency: Percentiles & { totalCount: number };
    /** Per-second request rate samples; `total` is completed requests, `sent` those sent. */
    requests: Percentiles & { total: number; sent: number };
  };

  export type Options = {
    url: string;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    duration?: number;
    /** Seconds before a request counts as a timeout (default 10). */
    timeout?: number;
  };

  export default function autocannon(opts: Options): PromiseLike<Result>;
}
