// A tiny control API for tests that need to stop and start the stack's app (e.g. enforcement
// catching up after an app restart). Loopback only; the harness passes its URL as STACK_CONTROL_URL.
import http from 'node:http';
import { log } from './processes';

export type ControlActions = Record<string, () => Promise<void>>;

/** Serves `POST /<name>` for each action, one at a time; resolves with a close function. */
export function startControl(port: number, actions: ControlActions): Promise<() => Promise<void>> {
  let queue: Promise<unknown> = Promise.resolve();
  const server = http.createServer((req, res) => {
    const action = req.method === 'POST' ? actions[(req.url ?? '').replace(/^\//, '')] : undefined;
    if (!action) {
      res.writeHead(404).end();
      return;
    }
    const run = queue.then(action);
    queue = run.catch(() => undefined);
    run.then(
      () => res.writeHead(204).end(),
      (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(err instanceof Error ? err.message : String(err)),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      log(`control API on http://127.0.0.1:${port} (${Object.keys(actions).join(', ')})`);
      resolve(() => new Promise<void>((r) => server.close(() => r())));
    });
  });
}
