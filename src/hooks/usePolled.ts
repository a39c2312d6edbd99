'use client';
import { useEffect, useRef, useState } from 'react';
import { ApiError, startPolling } from '@/lib/api-client';

export type Polled<T> = {
  data: T;
  /** The last poll failed; `data` is the last good value. */
  error: ApiError | null;
};

/**
 * Calls `load` every `intervalMs`, starting from server-rendered `initial`; `key` names what is
 * loaded (a new key restarts polling). Polls never overlap, pause while the tab is hidden, and
 * catch up when it is shown again.
 */
export function usePolled<T>(key: string, load: (signal: AbortSignal) => Promise<T>, intervalMs: number, initial: T): Polled<T> {
  const [data, setData] = useState<T>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  useEffect(
    () =>
      startPolling({
        load: (signal) => loadRef.current(signal),
        intervalMs,
        whileVisible: true,
        onData: (next) => {
          setData(next);
          setError(null);
        },
        onError: (e) => setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e))),
      }),
    [key, intervalMs],
  );

  return { data, error };
}
