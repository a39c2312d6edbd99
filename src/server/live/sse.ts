import 'server-only';
import { subscribe } from './hub';

/**
 * A text/event-stream response for one topic. `retry` tells the browser's EventSource how
 * soon to reconnect on its own; the stream ends when the client goes away, and then
 * `onClose` runs once (e.g. an HLS listener stops counting).
 */
export function sseResponse(req: Request, key: string, compute: () => Promise<unknown>, onClose?: () => void): Response {
  const encoder = new TextEncoder();
  let off: (() => void) | undefined;
  let closed = false;
  const unsubscribe = () => {
    off?.();
    if (closed) return;
    closed = true;
    onClose?.();
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
      send('retry: 2000\n\n');
      off = subscribe(key, compute, send);
      if (closed || req.signal.aborted) unsubscribe();
      req.signal.addEventListener('abort', () => {
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
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
