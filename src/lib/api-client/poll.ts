/** One polling loop for every client resource that is asked for again and again. */
export type PollOptions<T> = {
  /** One request; the signal aborts it when polling stops. */
  load: (signal: AbortSignal) => Promise<T>;
  intervalMs: number;
  onData: (data: T) => void;
  /** A failed poll (never called for the request that stopping aborted); the next poll tries again. */
  onError?: (error: unknown) => void;
  /** First poll at once rather than after one interval. */
  immediate?: boolean;
  /** Skip polls while the page is hidden and poll at once when it is shown again. */
  whileVisible?: boolean;
  /** Stop after an answer for which this is true (e.g. a finished action). */
  until?: (data: T) => boolean;
  /** Stop after a failed poll instead of trying again. */
  stopOnError?: boolean;
};

/** The page's visibility, when there is a page (undefined in tests and on the server). */
const pageHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

/**
 * Polls until the returned stop function is called. Polls never overlap: the next one is
 * scheduled `intervalMs` after the previous one settled.
 */
export function startPolling<T>(options: PollOptions<T>): () => void {
  const { load, intervalMs, onData, onError, immediate = false, whileVisible = false, until, stopOnError = false } = options;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const schedule = () => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void poll(), intervalMs);
  };
  const poll = async () => {
    if (stopped) return;
    if ((whileVisible && pageHidden()) || controller) return schedule();
    const current = new AbortController();
    controller = current;
    let done = false;
    try {
      const data = await load(current.signal);
      if (current.signal.aborted) return;
      onData(data);
      done = until?.(data) ?? false;
    } catch (error) {
      if (!current.signal.aborted) onError?.(error);
      done = stopOnError;
    } finally {
      if (controller === current) controller = null;
      if (done) stopped = true;
      else if (!current.signal.aborted) schedule();
    }
  };
  const onVisible = () => {
    if (!pageHidden()) void poll();
  };

  if (immediate) void poll();
  else schedule();
  if (whileVisible && typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
  return () => {
    stopped = true;
    clearTimeout(timer);
    controller?.abort();
    if (whileVisible && typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
  };
}
