// LiveKit for local runs: the pinned binary, an optional Redis, and a config
// rendered from deploy/livekit.yaml (the production template) with loopback
// overrides.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type LocalOverrides, renderLivekitConfig } from '../render-livekit-config';
import { type Env, type Service, log, runCapture, startService, waitForHttp } from './processes';

/** URL-safe random string; secrets end up in YAML and .env files. */
export function randomSecret(length = 48): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}

/** Builds or reuses the pinned livekit-server (scripts/livekit-server.sh) and returns its path. */
export async function ensureLivekitBinary(root: string): Promise<string> {
  const out = await runCapture('sh', [path.join(root, 'scripts', 'livekit-server.sh')], process.env, root);
  const bin = out.trim().split('\n').pop();
  if (!bin) throw new Error('scripts/livekit-server.sh printed no path');
  return bin;
}

/**
 * Sends inline Redis commands and returns the replies, or null when Redis does
 * not answer (not running, needs a password...).
 */
function redisCommands(host: string, port: number, commands: string[], timeoutMs = 1000): Promise<string[] | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let buffer = '';
    const done = (value: string[] | null) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => done(null));
    socket.once('error', () => done(null));
    socket.once('connect', () => socket.write(commands.map((c) => `${c}\r\n`).join('')));
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const replies = buffer.split('\r\n').filter(Boolean);
      if (replies.length >= commands.length) done(replies.slice(0, commands.length));
    });
  });
}

export interface RedisTarget {
  address: string;
  db: number;
}

/**
 * Uses Redis db `db` at host:port when it answers, else returns null (LiveKit
 * then runs single-node). With flush, that db alone is emptied first so a
 * stale node registered by an earlier run cannot be picked for new rooms.
 */
export async function probeRedis(db: number, flush: boolean, host = '127.0.0.1', port = 6379): Promise<RedisTarget | null> {
  const commands = [`SELECT ${db}`, 'PING', ...(flush ? ['FLUSHDB'] : [])];
  const replies = await redisCommands(host, port, commands);
  const ok = replies !== null && replies.every((r) => r.startsWith('+'));
  if (!ok) {
    log(`Redis not usable at ${host}:${port} (${replies?.join(' ') ?? 'no answer'}): LiveKit runs single-node`);
    return null;
  }
  log(`LiveKit uses Redis ${host}:${port} db ${db}${flush ? ' (flushed)' : ''}`);
  return { address: `${host}:${port}`, db };
}

export interface LocalLivekit {
  signalPort: number;
  rtcTcpPort: number;
  udpPortRange: readonly [number, number];
  webhookUrl: string;
  redis: RedisTarget | null;
  apiKey: string;
  apiSecret: string;
}

/** Renders deploy/livekit.yaml for a loopback run and writes it (mode 600: it holds the secret). */
export function writeLocalLivekitConfig(root: string, file: string, lk: LocalLivekit): void {
  const template = readFileSync(path.join(root, 'deploy', 'livekit.yaml'), 'utf8');
  // Production-only values are filled with local stand-ins; the overrides below drop or replace them.
  const vars = {
    LIVEKIT_API_KEY: lk.apiKey,
    LIVEKIT_API_SECRET: lk.apiSecret,
    APP_URL: new URL(lk.webhookUrl).origin,
    REDIS_ADDRESS: lk.redis?.address ?? '127.0.0.1:6379',
    LIVEKIT_DOMAIN: '127.0.0.1',
    TURN_DOMAIN: 'localhost',
  };
  const overrides: LocalOverrides = {
    nodeIp: '127.0.0.1',
    signalPort: lk.signalPort,
    rtcTcpPort: lk.rtcTcpPort,
    udpPortRange: lk.udpPortRange,
    redis: lk.redis,
    webhookUrl: lk.webhookUrl,
    dropTurn: true,
  };
  writeFileSync(file, renderLivekitConfig(template, vars, overrides), { mode: 0o600 });
}

/**
 * Starts livekit-server on loopback and waits until its HTTP endpoint answers.
 * The service is added to `track` before waiting, so a failed start is still torn down.
 */
export async function startLivekit(
  bin: string,
  configFile: string,
  logFile: string,
  signalPort: number,
  track: Service[],
): Promise<Service> {
  // A minimal env: livekit-server also reads LIVEKIT_*/REDIS_* variables, which must not leak in.
  const env: Env = { PATH: process.env.PATH, HOME: process.env.HOME };
  const service = startService('livekit-server', bin, ['--config', configFile, '--bind', '127.0.0.1'], { env, logFile });
  track.push(service);
  await waitForHttp(`http://127.0.0.1:${signalPort}/`, { timeoutMs: 30_000, service });
  log(`livekit-server ready on ws://127.0.0.1:${signalPort}`);
  return service;
}
