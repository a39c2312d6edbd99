import 'server-only';
import { getLog } from '../log';
import { getMetrics } from './registry';

export { getMetrics, type Metrics } from './registry';

/**
 * One-line calls for the areas that count events (the gauges of state are read at
 * scrape time instead: collect.ts). Served on the internal metrics port.
 */
export const metrics = {
  tokenRequest: (role: string, result: string) => getMetrics().tokenRequests.inc({ role, result }),
  webhook: (event: string, result: string) => getMetrics().webhooks.inc({ event, result }),
  enforcement: (action: string) => getMetrics().enforcement.inc({ action }),
  egress: (kind: 'start' | 'failure' | 'restart') => getMetrics().egress.inc({ kind }),
  reconcileRepairs: (channels: number) => getMetrics().reconcileRepairs.inc(channels),
  loopPass: (task: string, seconds: number, failed: boolean) => {
    try {
      getMetrics().loopPass.observe({ task }, Math.max(0, seconds));
      // By 0 on success: every task's failure series exists from its first pass.
      getMetrics().loopFailures.inc({ task }, failed ? 1 : 0);
    } catch (err) {
      // Counting must never stop the loop it counts.
      console.warn(`[metrics] loop pass not counted: ${err instanceof Error ? err.message : String(err)}`);
    }
  },
  /** Counts an open event stream; call the returned function when it closes. */
  sseOpened: (stream: 'channel' | 'admin') => {
    getMetrics().sse.inc({ stream });
    let open = true;
    return () => {
      if (open) getMetrics().sse.dec({ stream });
      open = false;
    };
  },
};

/** Counts (and logs, with the request's channel) a token request by its outcome: the granted mode, or the error code. */
export async function countTokenRequest<T extends { access?: { mode: string } | null }>(role: string, issued: Promise<T>): Promise<T> {
  let result = 'error';
  try {
    const token = await issued;
    result = token.access?.mode ?? 'granted';
    return token;
  } catch (err) {
    if (err && typeof err === 'object' && 'code' in err) result = String(err.code);
    throw err;
  } finally {
    metrics.tokenRequest(role, result);
    getLog().info({ role, result }, 'token request');
  }
}
