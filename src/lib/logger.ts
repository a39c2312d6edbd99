// The one logger factory (pino): JSON lines in production, pretty in development. Shared by
// server.ts (outside the Next.js bundle: request ids and the access log) and src/server/log
// (inside it: request context and the console bridge). Pure setup, no 'server-only'.
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/** Set by server.ts on every request (a client's own value is replaced) and echoed in the response. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Field names whose values never reach a log line, wherever they sit: credentials,
 * session cookies, LiveKit tokens and OBS stream keys (which grant a DJ's air time).
 */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'secret',
  'token',
  'streamKey',
  'stream_key',
  'apiSecret',
  'api_secret',
];

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  /** Fields added to every line (the request context). */
  mixin?: () => Record<string, unknown>;
}

export function createLogger(o: LoggerOptions): Logger {
  const options = {
    level: o.level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: o.mixin,
    redact: { paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`)], censor: '[redacted]' },
  };
  // pretty's synchronous stream, not a transport: no worker thread for Next.js to bundle.
  return o.pretty ? pino(options, pretty({ sync: true, colorize: true, ignore: 'pid,hostname' })) : pino(options);
}

/** One access line per request when the response is done: path without its query, status, duration. */
export function logRequest(log: Logger, req: IncomingMessage, res: ServerResponse, reqId: string): void {
  const started = process.hrtime.bigint();
  res.once('close', () => {
    const path = (req.url ?? '/').split('?')[0];
    const line = { reqId, method: req.method, path, status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1_000_000n) };
    // Health checks every few seconds would drown the rest.
    if (path === '/api/health') log.debug(line, 'request');
    else log.info(line, 'request');
  });
}
