// The request-body cap every route and page gets before Next.js (or better-auth) reads a
// byte: server.ts calls capRequestBody for each request. Kept free of 'server-only'
// because server.ts runs outside Next's bundler. Routes keep their own, tighter caps
// (src/server/http/body.ts).
import { IncomingMessage, type ServerResponse } from 'node:http';

/** The largest body any route accepts (a signed LiveKit webhook, 64 KB); no page takes a body. */
export const MAX_REQUEST_BODY_BYTES = 64 * 1024;

export type BodyPlan = { kind: 'pass' } | { kind: 'refuse' } | { kind: 'count' };

/**
 * What to do with a request's body, from its headers alone: a declared length over the cap
 * is refused before reading; a chunked body (no length) is counted while it streams; a
 * declared length within the cap is safe (Node's parser never reads past it).
 */
export function planBody(headers: IncomingMessage['headers'], maxBytes: number): BodyPlan {
  const length = headers['content-length'];
  if (length !== undefined) return Number(length) > maxBytes || !/^\d+$/.test(length) ? { kind: 'refuse' } : { kind: 'pass' };
  return headers['transfer-encoding'] ? { kind: 'count' } : { kind: 'pass' };
}

/** How long a refused connection discards what the client still sends before it is cut. */
export const LINGER_MS = 5_000;

/**
 * Answers 413 without reading the body, with `Connection: close` (so no client reuses the
 * connection), then closes like nginx's lingering close: Node ends such a response with
 * socket.destroySoon(), which resets a connection the client still sends on, and a reset can
 * destroy the answer before the client has read it. Instead the socket half-closes at once and
 * discards what is still on its way (Node drains an unread body without keeping it) for at most
 * LINGER_MS.
 */
export function refuseBody(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  const body = JSON.stringify({ error: { code: 'payload_too_large', message: `Request body is too large (at most ${maxBytes} bytes).` } });
  res.writeHead(413, { 'content-type': 'application/json', 'cache-control': 'no-store', connection: 'close' });
  res.end(body);
}

/**
 * Reads a chunked body up to `maxBytes` and hands `next` a request that replays it with a
 * Content-Length; past the cap it answers 413 and stops reading. At most `maxBytes` are held.
 */
function bufferChunked(req: IncomingMessage, res: ServerResponse, maxBytes: number, next: (req: IncomingMessage) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > maxBytes) {
      refused = true; // what follows is discarded (this listener keeps draining it)
      refuseBody(req, res, maxBytes);
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return;
    const body = Buffer.concat(chunks);
    const replay = new IncomingMessage(req.socket);
    replay.method = req.method;
    replay.url = req.url;
    replay.httpVersion = req.httpVersion;
    replay.httpVersionMajor = req.httpVersionMajor;
    replay.httpVersionMinor = req.httpVersionMinor;
    const headers = { ...req.headers, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    replay.headers = headers;
    replay.rawHeaders = Object.entries(replay.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.flatMap((x) => [k, x]) : [k, v ?? '']));
    replay.push(body);
    replay.push(null);
    replay.complete = true;
    next(replay);
  });
}

/** Calls `next` with a request whose body is known to fit the cap, or answers 413 itself. */
export function capRequestBody(req: IncomingMessage, res: ServerResponse, maxBytes: number, next: (req: IncomingMessage) => void): void {
  const plan = planBody(req.headers, maxBytes);
  if (plan.kind === 'refuse') return refuseBody(req, res, maxBytes);
  if (plan.kind === 'pass') return next(req);
  bufferChunked(req, res, maxBytes, next);
}
