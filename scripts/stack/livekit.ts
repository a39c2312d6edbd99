// LiveKit for local runs: the pinned binary and a config
// rendered from deploy/livekit.yaml (the production template) with loopback
// overrides.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type LocalOverrides, renderLivekitConfig } from '../render-livekit-config';
import { type Env, type Service, log, runCapture, startService, waitForHttp } from './processes';
import type { RedisTarget } from './redis';

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

export interface LocalLivekit {
  signalPort: number;
  rtcTcpPort: number;
  udpPortRange: readonly [number, number];
  webhookUrl: string;
  redis: RedisTarget;
  apiKey: string;
  apiSecret: string;
  /** The stack's ingress URLs (scripts/stack/ingress.ts). */
  ingress?: { rtmpBaseUrl: string; whipBaseUrl: string };
}

/** Local stacks serve LiveKit's Prometheus metrics beside its signal port (7890 -> 7894). */
export const livekitPrometheusPort = (signalPort: number) => signalPort + 4;

/**
 * deploy/livekit.yaml rendered for a loopback run: `vars` fill the template (by default
 * local stand-ins for the production-only values; tests/integration/deploy-init.test.ts
 * passes a generated deploy/.env), and this one override list replaces addresses and ports.
 */
export function renderLocalLivekitConfig(root: string, lk: LocalLivekit, vars?: Readonly<Record<string, string>>): string {
  const template = readFileSync(path.join(root, 'deploy', 'livekit.yaml'), 'utf8');
  const standIns = {
    LIVEKIT_API_KEY: lk.apiKey,
    LIVEKIT_API_SECRET: lk.apiSecret,
    APP_URL: new URL(lk.webhookUrl).origin,
    REDIS_ADDRESS: lk.redis.address,
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
    ingress: lk.ingress,
    prometheusPort: livekitPrometheusPort(lk.signalPort),
  };
  return renderLivekitConfig(template, vars ?? standIns, overrides);
}

/** Renders deploy/livekit.yaml for a loopback run and writes it (mode 600: it holds the secret). */
export function writeLocalLivekitConfig(root: string, file: string, lk: LocalLivekit): void {
  writeFileSync(file, renderLocalLivekitConfig(root, lk), { mode: 0o600 });
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
