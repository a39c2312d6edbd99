import 'server-only';
import { isStopping, onBeforeExit } from '@/lib/before-exit';
import { clientGroupKey, HttpError, unavailable } from '../http';
import { metrics } from '../metrics';
import { processSingleton } from '../singleton';
import { subscribe } from './hub';
import { OpenStreams } from './open-streams';
import { holdEventStream, MAX_EVENT_STREAMS_PER_CLIENT } from './stream-caps';

/** How soon a refused client may try again. */
const CAP_RETRY_SECONDS = 10;

/** Ended all at once when the server stops (open-streams.ts). */
const openStreams = processSingleton('live.open-streams', () => {
  const open = new OpenStreams();
  onBeforeExit(async () => open.endAll());
  return open;
});

/**
 * A text/event-stream response for one topic. `retry` tells the browser's EventSource how
 * soon to reconnect on its own; the stream ends when the client goes away, and then the
 * release `onOpen` returned runs once (e.g. an HLS listener stops counting). A client at its
 * cap of open streams (stream-caps.ts) gets a 429 instead, before `onOpen` runs, and a server
 * that is stopping a 503.
 */
export function sseResponse(req: Request, key: string, compute: () => Promise<unknown>, onOpen?: () => (() => void) | null): Response {
  if (isStopping()) throw unavailable('This server is restarting. Try again in a moment.', 2);
  const held = holdEventStream(clientGroupKey(req.headers));
  if (!held) {
    const message = `Too many live update streams are open from your network (at most ${MAX_EVENT_STREAMS_PER_CLIENT}). Close a few tabs.`;
    throw new HttpError(429, 'rate_limited', message, { 'retry-after': String(CAP_RETRY_SECONDS) });
  }
  const onClose = onOpen?.();
  const counted = metrics.sseOpened(key === 'station' ? 'admin' : 'channel');
  const encoder = new TextEncoder();
  let off: (() => void) | undefined;
  let closed = false;
  let end: (() => void) | undefined;
  const unsubscribe = () => {
    off?.();
    if (end) openStreams.delete(end);
    if (closed) return;
    closed = true;
    held();
    onClose?.();
    counted();
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          unsubscribe(); // closed under us
        }
      };
      end = () => {
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      send('retry: 2000\n\n');
      off = subscribe(key, compute, send);
      openStreams.add(end);
      if (closed || req.signal.aborted) unsubscribe();
      req.signal.addEventListener('abort', end);
    },
    cancel() {
      unsubscribe();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx: do not buffer the stream
    },
  });
}
