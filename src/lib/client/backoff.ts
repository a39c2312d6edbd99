/** Reconnect schedule for listeners: exponential with jitter so a server restart is not hit by every listener at once. */

export type BackoffOptions = { baseMs?: number; maxMs?: number; factor?: number };

/**
 * Delay before reconnect attempt `attempt` (0-based): "equal jitter", i.e. a random
 * value between half and all of min(maxMs, baseMs * factor^attempt).
 */
export function reconnectDelay(
  attempt: number,
  { baseMs = 1_000, maxMs = 30_000, factor = 2 }: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const exp = Math.min(maxMs, baseMs * factor ** Math.max(0, attempt));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
