/**
 * Does the app server's memory grow with what it is asked to do (a leak), or only warm up? Repeats
 * BENCH_CYCLES (default 30) cycles of cycle.ts (BENCH_CHANNELS channels, default 20, with 7 weekly
 * slots each, their event streams and pages, then deleted), and after each: 3 s settling, full
 * garbage collections through the app's inspector (cdp.ts), then the JS heap in use, external
 * memory, active handles and RSS. Heap snapshots after the warm-up cycle (BENCH_SNAPSHOT_AT, default
 * 10) and after the last go to $STACK_DIR, with the constructors that grew between them
 * (snapshot.ts). One more cycle then runs under the inspector's CPU profiler (BENCH_CPU_PROFILE=0:
 * not), the way to profile the app in a stack (--cpu-prof loses it: docs/capacity.md).
 *
 *   NODE_OPTIONS=--inspect-port=127.0.0.1:9729 STACK_PORT_OFFSET=500 npx tsx scripts/with-stack.ts -- npx tsx bench/app-memory/main.ts
 *
 * --inspect-port only chooses the port SIGUSR1 opens (Node's 9229 otherwise); nothing listens until then.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { signIn } from '../support/api';
import { fail, hostLine, requireEnv, runBench, sleep } from '../support/env';
import { cmdline, procStat } from '../support/proc-cpu';
import { processRole, stackProcesses } from '../support/stack-procs';
import { Cdp, inspectPort } from './cdp';
import { runCycle } from './cycle';
import { growth, Snapshot } from './snapshot';

const CYCLES = Number(process.env.BENCH_CYCLES ?? 30);
const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 20);
const SNAPSHOT_AT = Number(process.env.BENCH_SNAPSHOT_AT ?? 10);
const CPU_PROFILE = process.env.BENCH_CPU_PROFILE !== '0';
/** Serialising a snapshot leaves the app's RSS hundreds of MB higher: BENCH_SNAPSHOTS=0 for RSS alone. */
const SNAPSHOTS = process.env.BENCH_SNAPSHOTS !== '0';
/** How long every cycle's streams stay open together (BENCH_HOLD_SECONDS, default 0: until each has its first state). */
const HOLD_MS = Number(process.env.BENCH_HOLD_SECONDS ?? 0) * 1000;
const SETTLE_MS = 3_000;
const MB = 1024 * 1024;

type Memory = { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number; handles: number };

/** The process that runs the server: with tsx, the node child of tsx's CLI (both name server.ts). */
function appServerPid(): number {
  // Only node processes: the app's tsx also runs an esbuild service (role "app" by ancestry).
  const apps = stackProcesses().filter((pid) => processRole(pid) === 'app' && /(^|\/)node\s.*server\.(ts|mjs)/.test(cmdline(pid)));
  const leaf = apps.find((pid) => !apps.some((other) => procStat(other)?.ppid === pid));
  if (!leaf) fail('no app server process found in the stack');
  return leaf;
}

async function settledMemory(cdp: Cdp): Promise<Memory> {
  await sleep(SETTLE_MS);
  await cdp.collectGarbage();
  return cdp.evaluate<Memory>('({ ...process.memoryUsage(), handles: process.getActiveResourcesInfo().length })');
}

const mb = (bytes: number) => (bytes / MB).toFixed(1).padStart(7);
const row = (label: string, m: Memory, seconds: number) =>
  `${label.padEnd(9)} ${mb(m.heapUsed)} ${mb(m.heapTotal)} ${mb(m.external)} ${mb(m.arrayBuffers)} ${mb(m.rss)} ${String(m.handles).padStart(7)} ${seconds.toFixed(1).padStart(6)}`;

/** Least-squares slope of `ys` over their index (per cycle). */
function slope(ys: number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const num = ys.reduce((a, y, i) => a + (i - mx) * (y - my), 0);
  const den = ys.reduce((a, _y, i) => a + (i - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

async function cpuProfiled<T>(cdp: Cdp, file: string, work: () => Promise<T>): Promise<T> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const out = await work();
  const { profile } = await cdp.send<{ profile: { nodes: unknown[]; samples?: unknown[] } }>('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  console.log(`CPU profile of one more cycle: ${file} (${profile.nodes.length} nodes, ${profile.samples?.length ?? 0} samples)`);
  return out;
}

runBench('app-memory', async () => {
  const appUrl = requireEnv('APP_URL');
  const dir = requireEnv('STACK_DIR');
  const pid = appServerPid();
  console.log("== The app server's memory over repeated create / follow / delete cycles ==");
  console.log(`${CYCLES} cycles of ${CHANNELS} channels (7 weekly slots each), a DJ, a stream and a page per channel, then deleted`);
  console.log(`app server pid ${pid}: ${cmdline(pid).slice(0, 120)}`);
  console.log(hostLine());
  const cdp = await Cdp.attach(pid, inspectPort());
  const cookie = await signIn(appUrl, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') });
  console.log('after     heapUsed heapTot external arrayBuf     RSS handles cycle s peakRSS  (MB, after full GC; peak: streams open)');
  const rows: Memory[] = [await settledMemory(cdp)];
  console.log(row('start', rows[0] as Memory, 0));
  const snapshots: string[] = [];
  for (let i = 1; i <= CYCLES; i++) {
    const started = Date.now();
    let peak = 0;
    const hold = { ms: HOLD_MS, atPeak: () => (peak = procStat(pid)?.rssBytes ?? 0) };
    await runCycle(appUrl, cookie, CHANNELS, i, hold);
    const seconds = (Date.now() - started) / 1000;
    const m = await settledMemory(cdp);
    rows.push(m);
    console.log(`${row(`cycle ${i}`, m, seconds)} ${mb(peak)}`);
    if (SNAPSHOTS && (i === SNAPSHOT_AT || i === CYCLES)) {
      const file = path.join(dir, `app-cycle-${i}.heapsnapshot`);
      await cdp.heapSnapshot(file);
      snapshots.push(file);
    }
  }
  // After the last figures: the profiler keeps code and positions of its own, which would count as growth.
  if (CPU_PROFILE) {
    const file = path.join(dir, 'app-cycle.cpuprofile');
    await cpuProfiled(cdp, file, () => runCycle(appUrl, cookie, CHANNELS, CYCLES + 1, { ms: HOLD_MS }));
  }
  cdp.close();
  report(rows, snapshots);
});

function report(rows: Memory[], snapshots: string[]): void {
  const after = rows.slice(SNAPSHOT_AT);
  const heap = slope(after.map((m) => m.heapUsed)) / 1024;
  const rss = slope(after.map((m) => m.rss)) / MB;
  console.log(`from cycle ${SNAPSHOT_AT} on: heap in use ${heap.toFixed(0)} KB a cycle (least squares), RSS ${rss.toFixed(1)} MB a cycle`);
  const [early, late] = snapshots;
  if (!early || !late) return;
  console.log(`heap snapshots: ${snapshots.join(', ')}`);
  console.log(`live objects that grew from cycle ${SNAPSHOT_AT} to cycle ${CYCLES} (self size, count):`);
  for (const line of growth(new Snapshot(early).groups(), new Snapshot(late).groups(), 25)) console.log(line);
}
