// The app server's stop on SIGTERM/SIGINT (server.ts; the image's server.mjs is built from it).
// Pure Node http, no 'server-only': server.ts runs outside the Next.js bundle.
import type { Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { runBeforeExit } from './before-exit';

/** A stop never takes longer than this, whatever is still open (Docker's default grace is 10 s). */
export const STOP_CAP_MS = 5_000;
/** The before-exit hooks' share (the cluster lease handed on, event streams ended). */
const HOOKS_MS = 1_000;

/** Tells the client (a proxy's pooled connection) not to send another request on this connection. */
const closeAfter = (res: ServerResponse) => {
  if (!res.headersSent) res.setHeader('connection', 'close');
};

/**
 * Stops `server` gracefully on the first SIGTERM or SIGINT: no new connections, the before-exit hooks
 * (src/lib/before-exit.ts), in-flight requests finished, then exit 0, within STOP_CAP_MS. A second
 * signal is logged and ignored: a wrapper (npm, the tsx CLI) relays the one a process group got, and
 * with the default action restored it killed the app in the middle of its stop. Returns the hook the
 * request handler calls with every response.
 */
export function stopOnSignals(server: Server, log: Logger): (res: ServerResponse) => void {
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return log.info(`${signal}: already stopping`);
    stopping = true;
    const since = Date.now();
    log.info(`${signal}: stopping`);
    for (const res of inFlight) closeAfter(res);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // close() closes only the connections idle at the call; one that goes idle later (an event stream
    // just ended) would stay for the client's or proxy's keep-alive.
    setInterval(() => server.closeIdleConnections(), 100).unref();
    void Promise.all([closed, runBeforeExit(HOOKS_MS)]).then(() => {
      log.info(`stopped in ${Date.now() - since} ms`);
      process.exit(0);
    });
    setTimeout(() => {
      log.warn(`requests still open ${STOP_CAP_MS} ms after ${signal}: exiting anyway`);
      process.exit(0);
    }, STOP_CAP_MS).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal));
  return (res) => {
    if (stopping) return closeAfter(res);
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  };
}
