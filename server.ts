// The app's HTTP entry (npm start, npm run dev, the Docker image, test stacks):
// Next.js behind a plain Node server, so the client's address comes from the
// socket. Route handlers cannot see the socket, and `next start` keeps any
// X-Forwarded-For a client sends; here the address is resolved once, trusting
// exactly TRUSTED_PROXY_HOPS reverse proxies, and written into a header that
// the rate limiters (ours and better-auth's) read and clients cannot set. Request
// bodies are capped here too (src/lib/body-cap.ts), before anything reads them.
//
//   node --import tsx server.ts [--dev] [--port 3000] [--host 0.0.0.0]   (npm start; the image runs server.mjs, built from it)
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadEnvConfig } from '@next/env';
import next from 'next';
import { MAX_REQUEST_BODY_BYTES, capRequestBody } from './src/lib/body-cap';
import { CLIENT_IP_HEADER, clientAddress } from './src/lib/client-address';
import { createLogger, logRequest, REQUEST_ID_HEADER } from './src/lib/logger';
import { stopOnSignals } from './src/lib/server-stop';
import { strictTransportSecurity } from './src/lib/transport-security';
import { parseEnv } from './src/server/env.schema';

const dir = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '0.0.0.0' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`--port must be a TCP port, got ${values.port}`);

loadEnvConfig(dir, values.dev);
const { TRUSTED_PROXY_HOPS, APP_URL, LOG_LEVEL } = parseEnv(process.env);
const log = createLogger({ level: LOG_LEVEL, pretty: values.dev });
const HSTS = strictTransportSecurity(APP_URL);
/** Longer than any proxy in front keeps an idle connection to us (Caddy: 2 min). */
const KEEP_ALIVE_MS = 130_000;

async function main(): Promise<void> {
  const app = next({ dev: values.dev, dir, hostname: values.host, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer();
  // Docker and the stack harness stop us with SIGTERM (src/lib/server-stop.ts).
  const track = stopOnSignals(server, log);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    req.headers[CLIENT_IP_HEADER] = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], TRUSTED_PROXY_HOPS);
    // Ours, never the client's: route handlers log under it (src/server/log), the access line too.
    const reqId = (req.headers[REQUEST_ID_HEADER] = randomUUID());
    res.setHeader(REQUEST_ID_HEADER, reqId);
    track(res);
    logRequest(log, req, res, reqId);
    if (HSTS) res.setHeader('Strict-Transport-Security', HSTS);
    // Every route and page, better-auth's included: no body over the cap is ever read whole.
    capRequestBody(req, res, MAX_REQUEST_BODY_BYTES, (capped) => void handle(capped, res));
  });
  // Idle keep-alive sockets outlive the proxy's (Caddy keeps upstream connections 2 min): with
  // Node's 5 s default the server closed a socket just as a client reused it, and that request
  // failed with ECONNRESET (a proxy answers 502): seen in an end-to-end run, 2026-12-06.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.listen(port, values.host, () => {
    log.info(`ready on http://${values.host}:${port} (${values.dev ? 'dev' : 'production'}, trusting ${TRUSTED_PROXY_HOPS} proxy hop(s))`);
  });
}

main().catch((err: unknown) => {
  log.fatal({ err }, 'server failed to start');
  process.exit(1);
});
