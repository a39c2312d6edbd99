// Child-process plumbing shared by scripts/with-stack.ts and scripts/dev.ts:
// services run detached in their own process group so teardown reaches every
// descendant (next start forks workers), and logs go to files.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';

export interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
  /** Set by stopService/killService: an exit the harness asked for (a supervisor does not restart it). */
  stopRequested: boolean;
  /** Stopped by one SIGTERM and left to finish (the app's own graceful stop); see stopService. */
  signalOnce: boolean;
}

export type Env = Record<string, string | undefined>;

// Next's types make NODE_ENV required on ProcessEnv; child envs here are plain maps.
const asProcessEnv = (env: Env) => env as NodeJS.ProcessEnv;

export function log(message: string): void {
  console.error(`[stack] ${message}`);
}

/** Starts a long-running process in its own process group, output appended to logFile. */
export function startService(
  name: string,
  command: string,
  args: string[],
  opts: { env: Env; logFile: string; cwd?: string; signalOnce?: boolean },
): Service {
  const fd = openSync(opts.logFile, 'a');
  const child = spawn(command, args, { cwd: opts.cwd, env: asProcessEnv(opts.env), detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
    child.once('error', (err) => {
      log(`${name} failed to start: ${err.message}`);
      resolve(127);
    });
  });
  log(`started ${name} (pid ${child.pid ?? '?'}), log: ${opts.logFile}`);
  return { name, child, logFile: opts.logFile, exited, stopRequested: false, signalOnce: opts.signalOnce ?? false };
}

const isRunning = (s: Service) => s.child.exitCode === null && s.child.signalCode === null;

function killGroup(s: Service, signal: NodeJS.Signals): void {
  if (s.child.pid === undefined) return;
  try {
    process.kill(-s.child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** SIGKILL to the whole process group (a crash, as tests need it); resolves once the leader is gone. */
export async function killService(s: Service): Promise<void> {
  s.stopRequested = true;
  killGroup(s, 'SIGKILL');
  await s.exited;
}

/** Past the app's own cap on a stop (server.ts: 5 s), so a slow stop shows as its warning before any SIGKILL. */
const SIGNAL_ONCE_GRACE_MS = 6_000;

/** SIGTERM to the whole process group (twice unless signalOnce), SIGKILL after graceMs if anything is left. */
export async function stopService(s: Service, graceMs = s.signalOnce ? SIGNAL_ONCE_GRACE_MS : 5000): Promise<void> {
  s.stopRequested = true;
  if (s.child.pid === undefined) return;
  const since = Date.now();
  const waitFor = (ms: number) => Promise.race([s.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref())]);
  killGroup(s, 'SIGTERM');
  // livekit-server drains rooms on the first signal and stops at once on the second; the app
  // (signalOnce) would die on a second one in the middle of handing its lease on.
  if (!s.signalOnce && isRunning(s) && (await waitFor(1000)) === 'timeout') killGroup(s, 'SIGTERM');
  if (isRunning(s) && (await waitFor(graceMs)) === 'timeout') {
    log(`${s.name} did not stop within ${Date.now() - since} ms: SIGKILL`);
  }
  // Also reaps descendants that outlived the group leader.
  killGroup(s, 'SIGKILL');
}

const foreground = new Set<ChildProcess>();

/** Runs a command in the foreground (inherited stdio) and resolves with its exit code. */
export function runForeground(command: string, args: string[], env: Env, cwd?: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: asProcessEnv(env), stdio: 'inherit' });
    foreground.add(child);
    child.once('error', (err) => {
      log(`${command} failed to start: ${err.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => {
      foreground.delete(child);
      resolve(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1));
    });
  });
}

/** Like runForeground but captures stdout (stderr passes through). */
export function runCapture(command: string, args: string[], env: Env, cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: asProcessEnv(env), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

export function tail(file: string, lines = 60): string {
  if (!existsSync(file)) return `(no ${file})`;
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(-lines - 1)
    .join('\n');
}

/** Polls url until accept(status) holds; fails early if the service dies, or after timeoutMs. */
export async function waitForHttp(
  url: string,
  opts: { timeoutMs: number; service?: Service; accept?: (status: number) => boolean },
): Promise<void> {
  const accept = opts.accept ?? ((status: number) => status === 200);
  const deadline = Date.now() + opts.timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (opts.service && !isRunning(opts.service)) {
      throw new Error(`${opts.service.name} exited before ${url} answered`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (accept(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready after ${opts.timeoutMs / 1000} s (last: ${last})`);
}

function portFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Throws naming every TCP port already taken on host. */
export async function assertPortsFree(ports: Record<string, number>, host = '127.0.0.1'): Promise<void> {
  const taken: string[] = [];
  for (const [what, port] of Object.entries(ports)) {
    if (!(await portFree(port, host))) taken.push(`${port} (${what})`);
  }
  if (taken.length > 0) {
    throw new Error(`port already in use on ${host}: ${taken.join(', ')}. Stop whatever listens there and retry.`);
  }
}

/** Runs cleanup once on SIGINT/SIGTERM, then exits with the conventional code. */
export function onSignals(cleanup: () => Promise<void>): void {
  let stopping = false;
  const handler = (sig: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${sig}: stopping`);
    // A terminal's Ctrl-C already reached the foreground command; a plain kill did not.
    for (const child of foreground) child.kill('SIGTERM');
    void cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** Groups whose teardown began: a supervisor must not start anything into them any more. */
const closedGroups = new WeakSet<Service[]>();
export const isTornDown = (group: Service[]) => closedGroups.has(group);

/** The services of one run, stopped in reverse start order by `teardown` (signal handlers and the normal exit share it). */
export function serviceGroup(): { services: Service[]; teardown: () => Promise<void> } {
  const services: Service[] = [];
  let stopping: Promise<void> | undefined;
  const teardown = () =>
    (stopping ??= (async () => {
      closedGroups.add(services);
      for (const s of services.splice(0).reverse()) await stopService(s);
    })());
  onSignals(teardown);
  return { services, teardown };
}
