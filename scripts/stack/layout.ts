// The ports of one stack of scripts/with-stack.ts, the checks before it starts, and the app's
// environment in it. Loopback ports: app 3100, LiveKit signal 7890, ICE/TCP 7891, UDP 50100-50199,
// a private Redis on 7892 (LiveKit's), the app's own Redis on 7896 (APP_REDIS_URL: rate limits,
// live-update fan-out, the background-task lease), the harness's control endpoint on 7893, the app's
// metrics on 7895, ingress (OBS) RTMP 19450, WHIP 19451 (relay 19452, health 19453, UDP 51100-51109),
// MinIO and egress from 19460; STACK_PORT_OFFSET=N (a multiple of 100) shifts them all so two stacks
// can run side by side.
import path from 'node:path';
import { ensureLivekitBinary, randomSecret } from './livekit';
import { ensureIngressBinary, ingressPortNames, ingressPorts } from './ingress';
import { tlsPortNames, tlsPorts } from './caddy';
import { clusterPortNames, clusterPorts } from './cluster';
import type { Options } from './harness';
import { type Env, assertPortsFree } from './processes';

export type StackLayout = ReturnType<typeof stackLayout>;

/** Every port of the stack at STACK_PORT_OFFSET `raw` (unset: 0); throws on an offset out of the scheme. */
export function stackLayout(raw: string | undefined) {
  const offset = Number(raw ?? 0);
  if (!Number.isInteger(offset) || offset < 0 || offset % 100 !== 0 || offset > 800) {
    throw new Error('STACK_PORT_OFFSET must be 0, 100, ... 800');
  }
  return {
    offset,
    app: 3100 + offset,
    signal: 7890 + offset,
    rtcTcp: 7891 + offset,
    udpRange: [50100 + offset, 50199 + offset] as const,
    redis: 7892 + offset,
    control: 7893 + offset,
    metrics: 7895 + offset,
    appRedis: 7896 + offset,
    ingress: ingressPorts(19450 + offset, 51100 + offset),
    /** MinIO, egress (scripts/stack/hls.ts). */
    hlsBase: 19460 + offset,
    /** Caddy, with --tls. */
    tls: tlsPorts(offset),
    /** With --cluster. */
    cluster: clusterPorts(offset),
  };
}

/** The binaries (built if missing) and every port this stack binds still free. */
export async function preflight(root: string, opts: Options, ports: StackLayout): Promise<{ bin: string; ingressBin: string }> {
  const bin = await ensureLivekitBinary(root);
  const ingressBin = await ensureIngressBinary(root);
  await assertPortsFree({
    app: ports.app,
    'LiveKit signal': ports.signal,
    'LiveKit ICE/TCP': ports.rtcTcp,
    Redis: ports.redis,
    'app Redis': ports.appRedis,
    control: ports.control,
  });
  await assertPortsFree(ingressPortNames(ports.ingress));
  if (opts.tls) await assertPortsFree(tlsPortNames(ports.tls));
  if (opts.cluster && opts.tls) throw new Error('--cluster and --tls do not go together (both set APP_URL)');
  if (opts.cluster) await assertPortsFree(clusterPortNames(ports.cluster));
  return { bin, ingressBin };
}

/** The app's environment in the stack (the harness adds Redis, HLS, TLS and cluster settings as they start). */
export function stackEnv(opts: Options, stackDir: string, keys: { apiKey: string; apiSecret: string }, ports: StackLayout): Env {
  return {
    ...process.env,
    NODE_ENV: 'production',
    APP_URL: `http://127.0.0.1:${ports.app}`,
    DATABASE_URL: `file:${path.join(stackDir, 'radio.db')}`,
    LIVEKIT_URL: `ws://127.0.0.1:${ports.signal}`,
    // Explicit, so a developer's .env (which Next also loads) cannot point elsewhere.
    LIVEKIT_API_URL: `http://127.0.0.1:${ports.signal}`,
    LIVEKIT_API_KEY: keys.apiKey,
    LIVEKIT_API_SECRET: keys.apiSecret,
    BETTER_AUTH_SECRET: randomSecret(48),
    LISTENER_TOKEN_RATE_LIMIT: String(opts.rateLimit),
    // Every test signs in from 127.0.0.1; still a real limit (a test proves it bites).
    AUTH_SIGN_IN_RATE_LIMIT: '60',
    RECONCILE_INTERVAL_SECONDS: String(opts.reconcileSeconds),
    // The app's internal /metrics (LiveKit's own is its signal port + 4: scripts/stack/livekit.ts).
    METRICS_PORT: String(ports.metrics),
  };
}
