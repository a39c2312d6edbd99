// Work the app must finish before server.ts exits on SIGTERM (e.g. handing the cluster lease on,
// so another replica takes over at once instead of after the lease's TTL). Kept on globalThis:
// server.ts and Next's server bundles (instrumentation) load this module apart.
const HOOKS = Symbol.for('livekit-radio.before-exit');

const STOPPING = Symbol.for('livekit-radio.stopping');

type Hook = () => Promise<void>;
type Holder = typeof globalThis & { [HOOKS]?: Hook[]; [STOPPING]?: boolean };

export function onBeforeExit(hook: Hook): void {
  const holder = globalThis as Holder;
  (holder[HOOKS] ??= []).push(hook);
}

/** True once the process has begun to stop (runBeforeExit ran): e.g. no new event stream is opened. */
export function isStopping(): boolean {
  return (globalThis as Holder)[STOPPING] === true;
}

/** Runs every hook, waiting at most `timeoutMs` for them all (a hung Redis must not hold the exit). */
export async function runBeforeExit(timeoutMs: number): Promise<void> {
  (globalThis as Holder)[STOPPING] = true;
  const hooks = (globalThis as Holder)[HOOKS] ?? [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([Promise.allSettled(hooks.map((h) => h())), timeout]);
  clearTimeout(timer);
}
