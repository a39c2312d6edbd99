/**
 * POST /api/livekit/token throughput and latency (npm run bench:token; the npm script raises the
 * listener rate limit to 1,000,000 per minute so the limiter does not answer instead of the route).
 *
 * Method: autocannon keeps 200 connections busy for 15 s against the production build, once with
 * the anonymous listener role and once with the DJ role carrying a signed-in DJ's session cookie
 * (that path also reads the session from SQLite). A 3 s warm-up per role is run and discarded,
 * and a 5 s single-connection run shows the unloaded service time for comparison. With a closed
 * loop of N connections, mean latency ~= N / throughput (Little's law): p99 < 50 ms at 200
 * connections needs well over 4,000 req/s.
 * autocannon runs in this process on the same 2 cores as `next start` and LiveKit, so it competes
 * with the server for CPU: the figures are a floor, not the server's ceiling.
 *
 * A second, open-loop run sends evenly spaced requests at a fixed rate over 200 keep-alive
 * connections (BENCH_RATE, default 300 req/s: a surge of listeners tuning in), timing each from
 * its scheduled start; that is how tune-ins arrive in practice (autocannon's own overallRate
 * releases each second's quota as one burst, so it is not used for this).
 *
 * Env: BENCH_SECONDS (default 15), BENCH_CONNECTIONS (default 200), BENCH_RATE (default 300).
 */
import autocannon, { type Result } from 'autocannon';
import { createFixture, postJson, signIn } from './support/api';
import { fail, hostLine, runBench, sleep } from './support/env';
import { openLoop, type OpenLoopResult } from './support/open-loop';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const WARMUP_SECONDS = 3;
const BASELINE_SECONDS = 5;
const RATE = Number(process.env.BENCH_RATE ?? 300);
const SETTLE_MS = 3_000;

type Role = 'listener' | 'dj';

async function load(url: string, body: string, headers: Record<string, string>, connections: number, duration: number): Promise<Result> {
  return autocannon({ url, method: 'POST', headers, body, connections, duration, timeout: 10 });
}

function openLine(role: string, r: OpenLoopResult): string {
  const f = (v: number) => `${v.toFixed(1)} ms`;
  return (
    `${role.padEnd(22)} ${(r.ok / SECONDS).toFixed(0).padStart(5)} req/s  p50 ${f(r.p50)}  p99 ${f(r.p99)}  ` +
    `max ${f(r.max)}  sent ${r.sent}  failed ${r.failed}`
  );
}

function line(role: string, r: Result): string {
  const rps = r.requests.total / r.duration;
  const codes = Object.entries(r.statusCodeStats)
    .map(([code, { count }]) => `${code}x${count}`)
    .join(' ');
  return (
    `${role.padEnd(22)} ${rps.toFixed(0).padStart(5)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ` +
    `max ${r.latency.max} ms  errors ${r.errors} (timeouts ${r.timeouts})  non-2xx ${r.non2xx}  ` +
    `requests ${r.requests.total} [${codes}]`
  );
}

runBench('token', async () => {
  const fx = await createFixture('bench-token');
  const djCookie = await signIn(fx.appUrl, fx.dj);
  const url = `${fx.appUrl}/api/livekit/token`;
  const cookies: Record<Role, string | undefined> = { listener: undefined, dj: djCookie };

  const results: [string, Result][] = [];
  const openResults: [string, OpenLoopResult][] = [];
  for (const role of ['listener', 'dj'] as const) {
    const payload = { channelId: fx.channel.id, role };
    // One request first, so a broken setup fails loudly instead of as 100% non-2xx.
    const probe = await postJson(fx.appUrl, '/api/livekit/token', payload, cookies[role]);
    if (probe.status !== 200) fail(`${role} token: HTTP ${probe.status} ${await probe.text()}`);
    // A signed-in request must come from the station's own pages (the app's cross-site check): as a browser sends it.
    const headers = { 'content-type': 'application/json', origin: fx.appUrl, ...(cookies[role] ? { cookie: cookies[role] } : {}) };
    const body = JSON.stringify(payload);
    console.log(`[token] ${role}: warm-up ${WARMUP_SECONDS} s, then ${CONNECTIONS} connections for ${SECONDS} s...`);
    await load(url, body, headers, 20, WARMUP_SECONDS);
    // Each run starts after a pause, so it does not inherit the previous run's teardown (socket close, GC).
    await sleep(SETTLE_MS);
    const open = await openLoop({ url, body, headers, rate: RATE, seconds: SECONDS, connections: CONNECTIONS });
    if (open.ok === 0) fail(`${role}: the open-loop run got no 200 responses`);
    openResults.push([`${role} @${RATE}/s open`, open]);
    await sleep(SETTLE_MS);
    const result = await load(url, body, headers, CONNECTIONS, SECONDS);
    if (result['2xx'] === 0) fail(`${role}: no 2xx responses at all (${line(role, result)})`);
    results.push([`${role} x${CONNECTIONS}`, result]);
    await sleep(SETTLE_MS);
    results.push([`${role} x1`, await load(url, body, headers, 1, BASELINE_SECONDS)]);
  }

  console.log('');
  console.log(`== POST /api/livekit/token, ${CONNECTIONS} connections, ${SECONDS} s per role (autocannon, same 2 cores as the server) ==`);
  console.log("latency percentiles are over 2xx responses only (autocannon's histogram, 1 ms resolution);");
  console.log(
    `"@${RATE}/s open" rows: evenly spaced requests over ${CONNECTIONS} keep-alive connections, timed from their scheduled start`,
  );
  console.log(`"x1" rows: one connection for ${BASELINE_SECONDS} s, i.e. the unloaded service time`);
  console.log(hostLine());
  for (const [role, result] of results) console.log(line(role, result));
  for (const [role, result] of openResults) console.log(openLine(role, result));
});
