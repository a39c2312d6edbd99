'use client';
import { useEffect, useState } from 'react';
import { ApiError, fetchJson } from '@/lib/api-client/fetch-json';

export type Polled<T> = {
  data: T;
  /** The last poll failed; `data` is the last good value. */
  error: ApiError | null;
};

/**
 * GET `url` every `intervalMs`, starting from server-rendered `initial`.
 * Polls never overlap, pause while the tab is hidden, and catch up when it is shown again.
 */
export function usePolledJson<T>(url: string, intervalMs: number, initial: T): Polled<T> {
  const [data, setData] = useState<T>(initial);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;

    const schedule = () => {
      clearTimeout(timer);
      if (!disposed) timer = setTimeout(poll, intervalMs);
    };
    const poll = async () => {
      if (document.visibilityState === 'hidden' || controller) return schedule();
      const current = new AbortController();
      controller = current;
      try {
        const next = await fetchJson<T>(url, { cache: 'no-store', signal: current.signal });
        if (!current.signal.aborted) {
          setData(next);
          setError(null);
        }
      } catch (e) {
        if (!current.signal.aborted) setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e)));
      } finally {
        if (controller === current) controller = null;
        schedule();
      }
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void poll();
    };

    schedule();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      disposed = true;
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [url, intervalMs]);

  return { data, error };
}
