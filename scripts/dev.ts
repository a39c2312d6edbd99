// `make dev`: .env (created with fresh secrets if missing), migrations, a private Redis, a local
// LiveKit rendered from deploy/livekit.yaml, and the app from a production build that is reused
// until the sources change (scripts/build/reuse-build.ts). `make dev-hot` (--hot) runs `next dev`
// instead, for hot reload while editing. Ctrl-C stops all.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from '../src/server/env.schema';
import { buildWorklets } from './build/bpm-worklet';
import { ensureBuild } from './build/reuse-build';
import { migrate } from './stack/app';
import { createEnvFile, parseDotenv } from './stack/dotenv';
import { ensureLivekitBinary, writeLocalLivekitConfig } from './stack/livekit';
import { superviseLivekit } from './stack/livekit-supervisor';
import { type RedisTarget, startRedis } from './stack/redis';
import { ensureIngressBinary, ingressPortNames, ingressPorts, ingressUrls, startLocalIngress } from './stack/ingress';
import { startHlsStack } from './stack/hls';
import { type Env, type Service, assertPortsFree, log, runForeground, serviceGroup, tail } from './stack/processes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP_PORT = 3000;
const SIGNAL_PORT = 7880;
const RTC_TCP_PORT = 7881;
const UDP_RANGE = [50000, 50099] as const;
const REDIS_PORT = 7882;
const INGRESS = ingressPorts(19350, 51000);
const HLS_PORT_BASE = 19360; // MinIO, egress (scripts/stack/hls.ts)

/** .env merged under the shell environment (the shell wins, as in Next.js). */
function loadEnv(): Env {
  const envFile = path.join(root, '.env');
  if (createEnvFile(path.join(root, '.env.example'), envFile)) {
    log('created .env from .env.example with fresh secrets');
  }
  const env: Env = { ...parseDotenv(readFileSync(envFile, 'utf8')), ...process.env };
  parseEnv(env); // fail now, with the schema's message, rather than on first request
  return env;
}

/** SQLite does not create missing directories. */
function ensureDatabaseDir(databaseUrl: string): void {
  const file = databaseUrl.replace(/^file:/, '');
  mkdirSync(path.dirname(path.resolve(root, file)), { recursive: true });
}

async function main(): Promise<number> {
  const hot = process.argv.includes('--hot');
  const env = loadEnv();
  // Before any service starts: a first build takes minutes, and nothing waits on it meanwhile.
  if (!hot) await ensureBuild(root, log);
  const { services, teardown } = serviceGroup();

  const apiKey = env.LIVEKIT_API_KEY ?? '';
  const apiSecret = env.LIVEKIT_API_SECRET ?? '';
  const livekitUrl = env.LIVEKIT_URL ?? '';
  if (!livekitUrl.includes(`:${SIGNAL_PORT}`)) {
    log(`warning: LIVEKIT_URL=${livekitUrl} but the dev LiveKit listens on ws://localhost:${SIGNAL_PORT}`);
  }

  const bin = await ensureLivekitBinary(root);
  const ingressBin = await ensureIngressBinary(root);
  await assertPortsFree({ app: APP_PORT, 'LiveKit signal': SIGNAL_PORT, 'LiveKit ICE/TCP': RTC_TCP_PORT, Redis: REDIS_PORT });
  await assertPortsFree(ingressPortNames(INGRESS));
  ensureDatabaseDir(env.DATABASE_URL ?? 'file:./data/radio.db');
  await migrate(root, env);

  const localDir = path.join(root, '.local');
  mkdirSync(localDir, { recursive: true });
  const configFile = path.join(localDir, 'livekit.dev.yaml');
  const livekitLog = path.join(localDir, 'livekit.dev.log');
  try {
    const redis = await startRedis(REDIS_PORT, path.join(localDir, 'redis.dev.log'), services);
    writeLocalLivekitConfig(root, configFile, {
      signalPort: SIGNAL_PORT,
      rtcTcpPort: RTC_TCP_PORT,
      udpPortRange: UDP_RANGE,
      webhookUrl: `http://localhost:${APP_PORT}/api/livekit/webhook`,
      redis,
      apiKey,
      apiSecret,
      ingress: ingressUrls(INGRESS),
    });
    // Restarted on an unexpected exit, as compose does.
    await superviseLivekit(bin, configFile, livekitLog, SIGNAL_PORT, services);
    const ingressDir = path.join(localDir, 'ingress.dev');
    mkdirSync(ingressDir, { recursive: true });
    await startLocalIngress(root, ingressBin, ingressDir, { ports: INGRESS, signalPort: SIGNAL_PORT, redis, apiKey, apiSecret }, services);
    // HLS against a throwaway local MinIO, unless .env points at real storage.
    if (!env.S3_BUCKET) Object.assign(env, await startDevHls(localDir, { apiKey, apiSecret, redis }, services));
  } catch (err) {
    console.error(tail(livekitLog));
    await teardown();
    throw err;
  }

  printBanner(livekitLog);
  if (hot) await buildWorklets(); // static files under public/, served as is by the dev server
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const args = ['server.ts', ...(hot ? ['--dev'] : []), '--port', String(APP_PORT)];
  const code = await runForeground(tsx, args, hot ? env : { ...env, NODE_ENV: 'production' }, root);
  await teardown();
  return code;
}

/** MinIO and egress in a fresh .local/dev-hls/; the app's storage settings for them. */
async function startDevHls(
  localDir: string,
  lk: { apiKey: string; apiSecret: string; redis: RedisTarget },
  services: Service[],
): Promise<Env> {
  const dir = path.join(localDir, 'dev-hls');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const livekit = { wsUrl: `ws://127.0.0.1:${SIGNAL_PORT}`, apiKey: lk.apiKey, apiSecret: lk.apiSecret };
  return (await startHlsStack({ root, dir, portBase: HLS_PORT_BASE, livekit, redis: lk.redis, track: services })).appEnv;
}

function printBanner(livekitLog: string) {
  console.error(
    [
      '',
      `  app:      http://localhost:${APP_PORT}`,
      `  LiveKit:  ws://localhost:${SIGNAL_PORT} (log: ${path.relative(root, livekitLog)})`,
      `  OBS:      rtmp://127.0.0.1:${INGRESS.rtmp}/x, WHIP http://127.0.0.1:${INGRESS.whip}/w (keys on the DJ console)`,
      `  first run? create the admin at http://localhost:${APP_PORT}/setup (sign-in sends you there until one exists)`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
