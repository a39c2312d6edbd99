/**
 * A newcomer's first run (npm run bench:first-run): a fresh clone of this checkout's HEAD, its
 * README's first command (`make dev`), and the time until the first page answers, then the first
 * visit of every page, then a second `make dev` in the same clone (the build reused).
 *
 * The Go builds are in the cache outside the clone (~/.cache/livekit-radio), as on a developer's
 * machine after the first setup; the clone's own steps (npm ci, the production build) are timed.
 * make dev's ports (app 3000, LiveKit 7880, ...) must be free.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { postJson, signIn } from './support/api';
import { ROOT, fail, hostLine, runBench, sleep } from './support/env';

const APP = 'http://localhost:3000';
/** npm ci compiles better-sqlite3 and the first build takes minutes: generous on a loaded machine. */
const START_TIMEOUT_MS = 45 * 60_000;
const ADMIN = { name: 'First Admin', email: 'first@example.org', password: 'first-run-password-1' };

type Visit = { path: string; status: number; ms: number };

runBench('first-run', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'radio-first-run-'));
  execFileSync('git', ['clone', '-q', ROOT, dir]);
  const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
  console.log(`[first-run] fresh clone of ${rev} in ${dir}; ${hostLine()}`);

  const first = await startDev(dir);
  console.log(`[first-run] make dev -> first page: ${(first.upMs / 1000).toFixed(1)} s`);
  const visits = await visitEveryPage();
  await stopDev(first.child);

  const second = await startDev(dir);
  console.log(`[first-run] second make dev (build reused) -> first page: ${(second.upMs / 1000).toFixed(1)} s`);
  const again = await timeGet('/');
  await stopDev(second.child);

  console.log("== A newcomer's first run: fresh clone, `make dev`, first visit of each page ==");
  console.log(`make dev -> first page (npm ci, production build, services): ${(first.upMs / 1000).toFixed(1)} s`);
  console.log(`second make dev, build reused -> first page: ${(second.upMs / 1000).toFixed(1)} s (then / in ${again.ms} ms)`);
  for (const v of visits) console.log(`  first visit ${v.path.padEnd(28)} HTTP ${v.status} in ${v.ms} ms`);
  const slowest = Math.max(...visits.map((v) => v.ms));
  console.log(`slowest first visit: ${slowest} ms (target: under 1000 ms); ${hostLine()}`);
});

/** `make dev` in its own process group; resolves once `/` answers 200. */
async function startDev(dir: string): Promise<{ child: ChildProcess; upMs: number }> {
  const started = Date.now();
  const child = spawn('make', ['dev'], { cwd: dir, detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
  // However the bench ends (a failure exits at once), the station it started goes with it.
  process.once('exit', () => {
    if (child.exitCode !== null || !child.pid) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  });
  let exited: number | null = null;
  child.on('exit', (code) => void (exited = code ?? -1));
  for (;;) {
    if (exited !== null) fail(`make dev exited with ${String(exited)} before the app answered`);
    if (Date.now() - started > START_TIMEOUT_MS) fail(`make dev: no page within ${START_TIMEOUT_MS / 60_000} minutes`);
    const res = await fetch(`${APP}/`, { redirect: 'manual' }).catch(() => null);
    if (res && res.status < 500) {
      await res.text();
      return { child, upMs: Date.now() - started };
    }
    await sleep(250);
  }
}

/** Ctrl-C, as a developer stops it: the whole group, then wait for make to exit. */
async function stopDev(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGINT');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 30_000);
  await gone;
  clearTimeout(timer);
}

async function timeGet(route: string, cookie?: string): Promise<Visit> {
  const t0 = performance.now();
  const res = await fetch(`${APP}${route}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  await res.text();
  return { path: route, status: res.status, ms: Math.round(performance.now() - t0) };
}

/** Every page a newcomer opens on day one, each for the first time since the app started. */
async function visitEveryPage(): Promise<Visit[]> {
  const visits = [await timeGet('/'), await timeGet('/setup'), await timeGet('/sign-in')];
  const created = await postJson(APP, '/api/setup', ADMIN);
  if (created.status !== 201) fail(`first admin: HTTP ${created.status} ${await created.text()}`);
  const admin = await signIn(APP, ADMIN);
  const channelRes = await postJson(APP, '/api/admin/channels', { name: 'First Channel', slug: 'first', timeZone: 'Europe/London' }, admin);
  if (channelRes.status !== 201) fail(`channel: HTTP ${channelRes.status} ${await channelRes.text()}`);
  const channel = (await channelRes.json()) as { id: string; slug: string };
  for (const route of ['/admin', `/admin/channels/${channel.id}`, '/dj', `/dj/${channel.slug}`, `/dj/${channel.slug}/sets`])
    visits.push(await timeGet(route, admin));
  visits.push(await timeGet(`/c/${channel.slug}`), await timeGet('/no-such-page'));
  return visits;
}
