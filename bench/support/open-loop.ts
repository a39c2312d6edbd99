import http from 'node:http';
import { sleep } from './env';
import { quantile } from './stats';

export type OpenLoopOptions = {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Requests per second, evenly spaced. */
  rate: number;
  seconds: number;
  /** Keep-alive sockets shared by the requests. */
  connections: number;
};

export type OpenLoopResult = { sent: number; ok: number; failed: number; p50: number; p99: number; max: number };

/**
 * Sends requests at fixed, evenly spaced times whatever the server does (an open
 * loop, like listeners arriving), and times each from its scheduled start, so a
 * server that falls behind shows up as latency instead of being hidden by the
 * generator slowing down (coordinated omission).
 */
export async function openLoop(opts: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const url = new URL(opts.url);
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  const latencies: number[] = [];
  let failed = 0;

  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const req = http.request(url, { method: 'POST', agent, headers: opts.headers, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) latencies.push(performance.now() - due);
          else failed += 1;
          resolve();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        failed += 1;
        resolve();
      });
      req.end(opts.body);
    });

  const start = performance.now() + 50;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(send(due));
  }
  await Promise.all(inFlight);
  agent.destroy();

  const sorted = latencies.sort((a, b) => a - b);
  return {
    sent: total,
    ok: sorted.length,
    failed,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}
