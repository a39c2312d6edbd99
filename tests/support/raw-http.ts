// Plain node:http requests for what fetch hides: chosen source addresses,
// forged forwarding headers, bodies streamed in chunks, and early answers.
import http from 'node:http';

const STREAM_PACE_MS = 5;

export type RawReply = { status: number; headers: http.IncomingHttpHeaders; body: string; bytesSent: number };

export type RawRequest = {
  method?: string;
  headers?: Record<string, string>;
  localAddress?: string;
  /** The whole body at once. */
  body?: string;
  /**
   * Or a body streamed chunk by chunk until the server answers or `total` bytes went out.
   * `hold`: after `total` bytes the request stays open, never finished: only a server that
   * answers without reading the whole body can answer it (deterministic, unlike counting bytes).
   */
  stream?: { chunk: Buffer; total: number; hold?: boolean };
  /** Rejects when no answer came within this long (default: wait as long as the test allows). */
  timeoutMs?: number;
};

/** Sends one request and resolves with the answer, counting the body bytes written before it came. */
export function rawRequest(url: string, opts: RawRequest): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          req.destroy();
          reject(new Error(`no answer within ${opts.timeoutMs} ms after sending ${bytesSent} body bytes`));
        }, opts.timeoutMs)
      : undefined;
    const req = http.request(url, { method: opts.method ?? 'POST', headers: opts.headers, localAddress: opts.localAddress }, (res) => {
      answered = true;
      clearTimeout(timer);
      const sentBeforeAnswer = bytesSent;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, bytesSent: sentBeforeAnswer });
        req.destroy();
      });
    });
    // The server may close the connection once it has answered: not an error here.
    req.on('error', (err) => (answered ? undefined : reject(err)));
    if (opts.stream) {
      const { chunk, total, hold } = opts.stream;
      // Paced (a chunk every few ms, about 13 MB/s for 64 KB chunks), so a server that answers
      // without reading is told apart from one that reads everything, even on a busy machine.
      const pump = () => {
        if (answered) return;
        if (bytesSent >= total) return void (hold ? undefined : req.end());
        bytesSent += chunk.length;
        if (req.write(chunk)) setTimeout(pump, STREAM_PACE_MS);
        else req.once('drain', pump);
      };
      pump();
    } else {
      if (opts.body) bytesSent = Buffer.byteLength(opts.body);
      req.end(opts.body);
    }
  });
}

export const envelope = (reply: RawReply): { code: string; message: string } => {
  const parsed = JSON.parse(reply.body) as { error?: { code: string; message: string } };
  if (!parsed.error) throw new Error(`expected an error envelope, got ${reply.body}`);
  return parsed.error;
};
