// A private redis-server per stack. LiveKit's services talk over Redis pub/sub,
// which ignores the db number: two stacks on one Redis answer each other's
// requests, so every stack (dev, tests, benchmarks) gets its own server.
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { type Service, log, startService } from './processes';

export interface RedisTarget {
  address: string;
  db: number;
}

function redisBinary(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('redis-server is not installed (Debian: apt-get install redis-server); every stack needs its own');
  }
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk: Buffer) => done(chunk.toString().startsWith('+PONG')));
  });
}

/** Starts an empty, memory-only redis-server on 127.0.0.1:port and waits for PONG. */
export async function startRedis(port: number, logFile: string, track: Service[]): Promise<RedisTarget> {
  const args = ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'];
  const service = startService('redis-server', redisBinary(), args, { env: { PATH: process.env.PATH }, logFile });
  track.push(service);
  const deadline = Date.now() + 10_000;
  while (!(await ping(port))) {
    if (service.child.exitCode !== null) throw new Error(`redis-server exited (see ${logFile})`);
    if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port} within 10 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`private Redis ready on 127.0.0.1:${port}`);
  return { address: `127.0.0.1:${port}`, db: 0 };
}
