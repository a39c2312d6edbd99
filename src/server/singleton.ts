/**
 * The one way to keep process-wide state (a client, a registry, a lock map). Next bundles route
 * handlers and instrumentation (which runs the background loop) apart and reloads modules in
 * development, so a module-level value would exist once per bundle and per reload; state that
 * both sides must see lives on globalThis, under one map, created on first use.
 *
 * Use it for state shared between requests and the loop (stream topics, live status, locks) or
 * that must survive a dev reload (the database client). Module-level is fine for state only one
 * side ever touches (a task's own bookkeeping).
 */
import 'server-only';

const REGISTRY = Symbol.for('livekit-radio.process-singletons');

type Holder = typeof globalThis & { [REGISTRY]?: Map<string, unknown> };

function registry(): Map<string, unknown> {
  const holder = globalThis as Holder;
  holder[REGISTRY] ??= new Map<string, unknown>();
  return holder[REGISTRY];
}

/** The process's one value under `key`, created by `create` the first time it is asked for. */
export function processSingleton<T>(key: string, create: () => T): T {
  const values = registry();
  if (!values.has(key)) values.set(key, create());
  return values.get(key) as T;
}
