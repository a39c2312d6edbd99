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
    let attempt = 0;
    const controller = new AbortController();
    const { signal } = controller;
    const fallback = fallbackPoller(schema, fallbackUrl, fallbackMs, signal, { data: setData, failed: setPollFailed });
    const open = () => {
      source = new EventSource(url);
      source.addEventListener('state', (event) => {
        attempt = 0;
        setStatus('open');
        fallback.stop();
        const parsed = schema.safeParse(JSON.parse((event as MessageEvent<string>).data));
        if (parsed.success) setData(parsed.data);
        else console.warn('[live] dropped a state the stream contract does not describe:', parsed.error.message);
      });
      source.onerror = () => {
        if (signal.aborted) return;
        setStatus('fallback');
        fallback.start();
        // CONNECTING: the browser retries by itself. CLOSED: it gave up (e.g. an HTTP error), so we retry.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(open, reconnectDelay(attempt++, { baseMs: 2_000, maxMs: 60_000 }));
        }
      };
    };
    open();
    return () => {
      controller.abort();
      source?.close();
      clearTimeout(retry);
      fallback.stop();
    };
  }, [schema, url, fallbackUrl, fallbackMs]);

  /** `stale`: neither the stream nor the fallback reached the server lately. */
  return { data, status, stale: status === 'fallback' && pollFailed };
}

/**
 * The fallback while the stream is down: reads `url` now and every `everyMs` until stopped. Nothing is
 * reported once `signal` aborts (the hook's cleanup), which also cancels a read in flight.
 */
function fallbackPoller<T>(
  schema: z.ZodType<T>,
  url: string,
  everyMs: number,
  signal: AbortSignal,
  on: { data: (next: T) => void; failed: (failed: boolean) => void },
) {
  let poll: ReturnType<typeof setInterval> | undefined;
  const read = () =>
    fetchJson<unknown>(url, { cache: 'no-store', signal })
      .then((body) => schema.parse(body))
      .then(
        (next) => {
          if (signal.aborted) return;
          on.data(next);
          on.failed(false);
        },
        () => !signal.aborted && on.failed(true),
      );
  return {
    start() {
      if (poll) return;
      void read();
      poll = setInterval(read, everyMs);
    },
    stop() {
      clearInterval(poll);
      poll = undefined;
    },
  };
}
