import 'server-only';
import { createServer, type Server } from 'node:http';
import { getEnv } from '../env';
import { getMetrics } from '../metrics';

const holder = globalThis as typeof globalThis & { __radioMetricsServer?: Server };

/**
 * Serves GET /metrics on METRICS_BIND:METRICS_PORT (loopback by default): never on the
 * public app port, so listener counts and internals stay off the internet. Port 0 turns
 * it off. One per process.
 */
export function startMetricsServer(): void {
  const { METRICS_PORT, METRICS_BIND } = getEnv();
  if (METRICS_PORT === 0 || holder.__radioMetricsServer) return;
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    void serve(res);
  });
  server.on('error', (err) => console.warn(`[metrics] cannot listen on ${METRICS_BIND}:${METRICS_PORT}: ${err.message}`));
  server.listen(METRICS_PORT, METRICS_BIND, () => console.info(`[metrics] serving http://${METRICS_BIND}:${METRICS_PORT}/metrics`));
  server.unref();
  holder.__radioMetricsServer = server;
}

async function serve(res: import('node:http').ServerResponse): Promise<void> {
  const m = getMetrics();
  try {
    const { collectState } = await import('./collect');
    await collectState(m);
  } catch (err) {
    // The counters are still worth serving when the database or storage is down.
    console.warn(`[metrics] state gauges not refreshed: ${err instanceof Error ? err.message : String(err)}`);
  }
  res.writeHead(200, { 'content-type': m.registry.contentType });
  res.end(await m.registry.metrics());
}
