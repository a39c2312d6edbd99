// The harness's (scripts/with-stack.ts) command line and its stack directories.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AppMode } from './app';
import { type Env, type Service, log, tail } from './processes';

const KEEP_STACK_DIRS = 5;

export interface Options {
  rateLimit: number;
  reconcileSeconds: number;
  build: boolean;
  tls: boolean;
  standalone: boolean;
  /** A fresh PostgreSQL database instead of SQLite (scripts/stack/postgres.ts). */
  postgres: boolean;
  /** Two LiveKit nodes, two app replicas behind a balancer (scripts/stack/cluster.ts); implies postgres. */
  cluster: boolean;
  command: string[];
}

export function parseArgs(argv: string[]): Options {
  const sep = argv.indexOf('--');
  const flags = sep === -1 ? argv : argv.slice(0, sep);
  const command = sep === -1 ? [] : argv.slice(sep + 1);
  const opts: Options = {
    rateLimit: 30,
    reconcileSeconds: 2,
    build: false,
    tls: false,
    standalone: false,
    postgres: false,
    cluster: false,
    command,
  };
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i];
    if (flag === '--build') opts.build = true;
    else if (flag === '--tls') opts.tls = true;
    else if (flag === '--standalone') opts.standalone = true;
    else if (flag === '--postgres') opts.postgres = true;
    else if (flag === '--cluster') opts.cluster = opts.postgres = true;
    else if (flag === '--listener-rate-limit') {
      const n = Number(flags[++i]);
      if (!Number.isInteger(n) || n <= 0) throw new Error('--listener-rate-limit needs a positive integer');
      opts.rateLimit = n;
    } else if (flag === '--reconcile-interval') {
      const n = Number(flags[++i]);
      if (!Number.isInteger(n) || n <= 0) throw new Error('--reconcile-interval needs a positive integer (seconds)');
      opts.reconcileSeconds = n;
    } else throw new Error(`unknown flag ${flag}`);
  }
  if (command.length === 0) {
    throw new Error(
      'usage: tsx scripts/with-stack.ts [--listener-rate-limit N] [--reconcile-interval N] [--build] [--tls] [--standalone] [--postgres] [--cluster] -- <command...>',
    );
  }
  return opts;
}

/**
 * Keeps the newest stack dirs for post-mortems and removes older ones, but only
 * when they are hours old: a stack running beside this one (STACK_PORT_OFFSET)
 * must not lose its database.
 */
function pruneOldStacks(localDir: string): void {
  const dirs = readdirSync(localDir)
    .filter((d) => d.startsWith('stack-'))
    .sort();
  const cutoff = Date.now() - 6 * 3600_000;
  for (const d of dirs.slice(0, Math.max(0, dirs.length - KEEP_STACK_DIRS))) {
    const dir = path.join(localDir, d);
    if (statSync(dir).mtimeMs < cutoff) rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh .local/stack-<time>/ (older ones pruned). */
export function newStackDir(root: string): string {
  const localDir = path.join(root, '.local');
  mkdirSync(localDir, { recursive: true });
  pruneOldStacks(localDir);
  const stackDir = path.join(localDir, `stack-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(stackDir, { recursive: true });
  log(`stack dir ${stackDir}`);
  return stackDir;
}

/** What one run's steps share: its directory and logs, the LiveKit key pair, the app's mode and environment. */
export interface Run {
  opts: Options;
  stackDir: string;
  livekitLog: string;
  appLog: string;
  apiKey: string;
  apiSecret: string;
  mode: AppMode;
  /** The app's environment; starting the stack adds to it (TLS URLs, storage). */
  env: Env;
  /** What only the command gets (--cluster: the replicas' and nodes' URLs). */
  testEnv: Env;
  services: Service[];
}

/** On failure, the ends of the main logs. */
export function report(run: Run, failed: boolean): void {
  const extra = run.opts.cluster ? ['livekit-2.log', 'replica-b.log'].map((f) => path.join(run.stackDir, f)) : [];
  const logs = [run.livekitLog, run.appLog, ...extra];
  for (const file of failed ? logs : []) console.error(`\n----- last 60 lines of ${file} -----\n${tail(file)}`);
}
