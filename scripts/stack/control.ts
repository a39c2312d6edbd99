// A loopback control endpoint of scripts/with-stack.ts, so an integration test can
// crash and restart the stack's real livekit-server while the harness stays the
// owner of every process (teardown reaches the restarted one too).
//
//   POST <STACK_CONTROL_URL>livekit/kill   SIGKILL, resolves once the process is gone
//   POST <STACK_CONTROL_URL>livekit/start  starts it again, resolves once it answers
//   GET  <STACK_CONTROL_URL>livekit/status {running, pid, unexpectedExits}: what the supervisor saw
//   POST <STACK_CONTROL_URL>app/stop       stops the app server (a slot boundary can pass unseen)
//   POST <STACK_CONTROL_URL>app/start      starts it again, resolves once /api/health answers
//   POST <STACK_CONTROL_URL>apps/<i>/stop|kill|start  the same for replica i (--cluster: 0 and 1); kill is SIGKILL
import http from 'node:http';
import { log } from './processes';

export interface ControlActions {
  killLivekit: () => Promise<void>;
  startLivekit: () => Promise<void>;
  livekitStatus: () => unknown;
  stopApp: () => Promise<void>;
  startApp: () => Promise<void>;
  /** --cluster: every app replica, in STACK_REPLICA_URLS' order. */
  apps?: { start: () => Promise<void>; stop: (kill?: boolean) => Promise<void> }[];
}

function appRoutes(secret: string, apps: NonNullable<ControlActions['apps']>): Record<string, () => Promise<void>> {
  return Object.fromEntries(
    apps.flatMap((app, i) => [
      [`/${secret}/apps/${i}/stop`, () => app.stop(false)],
      [`/${secret}/apps/${i}/kill`, () => app.stop(true)],
      [`/${secret}/apps/${i}/start`, () => app.start()],
    ]),
  );
}

/** Listens on 127.0.0.1:port under a secret path prefix; resolves with the base URL. */
export function startControl(port: number, secret: string, actions: ControlActions): Promise<{ url: string; close: () => void }> {
  const routes: Record<string, () => Promise<void>> = {
    [`/${secret}/livekit/kill`]: actions.killLivekit,
    [`/${secret}/livekit/start`]: actions.startLivekit,
    [`/${secret}/app/stop`]: actions.stopApp,
    [`/${secret}/app/start`]: actions.startApp,
    ...appRoutes(secret, actions.apps ?? []),
  };
  // One action at a time: a kill racing a start would leave the harness confused.
  let queue: Promise<unknown> = Promise.resolve();
  const server = http.createServer((req, res) => {
    req.resume();
    if (req.method === 'GET' && req.url === `/${secret}/livekit/status`) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(actions.livekitStatus()));
      return;
    }
    const action = req.method === 'POST' ? routes[req.url ?? ''] : undefined;
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
      log(`stack control on 127.0.0.1:${port}`);
      resolve({ url: `http://127.0.0.1:${port}/${secret}/`, close: () => server.close() });
    });
  });
}
