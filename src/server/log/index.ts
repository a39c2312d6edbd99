import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import type { Logger } from 'pino';
import { createLogger, REQUEST_ID_HEADER } from '@/lib/logger';
import { getEnv } from '../env';

type Context = { reqId?: string; channel?: string };

// On globalThis: Next.js may load this module in several bundles (route handlers, the loop,
// instrumentation), and a line logged from one must see the request context set in another.
const holder = globalThis as typeof globalThis & {
  __radioLog?: Logger;
  __radioConsoleBridged?: boolean;
  __radioLogContext?: AsyncLocalStorage<Context>;
};
holder.__radioLogContext ??= new AsyncLocalStorage<Context>();
const context = holder.__radioLogContext;

/** The app's logger: every line carries the request id and channel of the request it runs in, if any. */
export function getLog(): Logger {
  holder.__radioLog ??= createLogger({ ...settings(), mixin: () => ({ ...context.getStore() }) });
  return holder.__radioLog;
}

/** Logging must work even when the environment does not parse (that error is what gets logged). */
function settings(): { level: string; pretty: boolean } {
  try {
    const env = getEnv();
    return { level: env.LOG_LEVEL, pretty: env.NODE_ENV !== 'production' };
  } catch {
    return { level: 'info', pretty: false };
  }
}

/** Runs a route handler with its request id (from server.ts) as the log context. */
export function runInRequest<T>(req: Request, fn: () => Promise<T>): Promise<T> {
  return context.run({ reqId: req.headers.get(REQUEST_ID_HEADER) ?? undefined }, fn);
}

/** Runs background work outside any request's context (a loop pass woken by a request is not that request's). */
export function outsideRequest<T>(fn: () => T): T {
  return context.exit(fn);
}

/** Names the channel a request is about, for its later log lines. */
export function logChannel(channel: string | undefined): void {
  const store = context.getStore();
  if (store && channel) store.channel = channel;
}

const LEVELS = { debug: 'debug', log: 'info', info: 'info', warn: 'warn', error: 'error' } as const;

/**
 * Sends console.* through the logger, so every line the app writes (ours, with their
 * "[area]" prefixes, and Next's) is one JSON object with the request context. Once per process.
 */
export function installConsoleBridge(): void {
  if (holder.__radioConsoleBridged) return;
  holder.__radioConsoleBridged = true;
  const log = getLog();
  for (const [method, level] of Object.entries(LEVELS) as [keyof typeof LEVELS, (typeof LEVELS)[keyof typeof LEVELS]][]) {
    console[method] = (...args: unknown[]) => {
      const err = args.find((a): a is Error => a instanceof Error);
      const text = format(...args.filter((a) => a !== err));
      const area = /^\[([\w-]+)\]\s*/.exec(text);
      const fields = { ...(area ? { area: area[1] } : {}), ...(err ? { err } : {}) };
      log[level](fields, area ? text.slice(area[0].length) : text);
    };
  }
}
