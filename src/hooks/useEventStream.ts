'use client';
import { useEffect, useState } from 'react';
import { fetchJson } from '@/lib/api-client';
import { reconnectDelay } from '@/lib/client/backoff';
import type { z } from '@/types/zod';

export type StreamStatus = 'connecting' | 'open' | 'fallback';

/**
 * Live state pushed by a server-sent events stream (`event: state`), starting from the
 * server-rendered `initial`. Every state, streamed or polled, is parsed once here with `schema`
 * (the stream's contract, src/types/live.ts); one that does not parse is dropped. EventSource reconnects by itself; when the stream fails
 * outright it is reopened with backoff, and meanwhile `fallbackUrl` is read every
 * `fallbackMs`, so the page keeps working without the stream.
 */
export function useEventStream<T>(schema: z.ZodType<T>, url: string, fallbackUrl: string, initial: T, fallbackMs = 5_000) {
  const [data, setData] = useState<T>(initial);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [pollFailed, setPollFailed] = useState(false);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    let attempt = 0;
    let disposed = false;
    const controller = new AbortController();

    const stopPolling = () => {
      clearInterval(poll);
      poll = undefined;
    };
    const startPolling = () => {
      if (poll) return;
      const read = () =>
        fetchJson<unknown>(fallbackUrl, { cache: 'no-store', signal: controller.signal })
          .then((body) => schema.parse(body))
          .then(
            (next) => {
              if (disposed) return;
              setData(next);
              setPollFailed(false);
            },
            () => !disposed && !controller.signal.aborted && setPollFailed(true),
          );
      void read();
      poll = setInterval(read, fallbackMs);
    };
    const open = () => {
      source = new EventSource(url);
      source.addEventListener('state', (event) => {
        attempt = 0;
        setStatus('open');
        stopPolling();
        const parsed = schema.safeParse(JSON.parse((event as MessageEvent<string>).data));
        if (parsed.success) setData(parsed.data);
        else console.warn('[live] dropped a state the stream contract does not describe:', parsed.error.message);
      });
      source.onerror = () => {
        if (disposed) return;
        setStatus('fallback');
        startPolling();
        // CONNECTING: the browser retries by itself. CLOSED: it gave up (e.g. an HTTP error), so we retry.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(open, reconnectDelay(attempt++, { baseMs: 2_000, maxMs: 60_000 }));
        }
      };
    };
    open();
    return () => {
      disposed = true;
      controller.abort();
      source?.close();
      clearTimeout(retry);
      stopPolling();
    };
  }, [schema, url, fallbackUrl, fallbackMs]);

  /** `stale`: neither the stream nor the fallback reached the server lately. */
  return { data, status, stale: status === 'fallback' && pollFailed };
}
