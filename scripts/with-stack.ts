// Test/bench harness: starts a throwaway stack (LiveKit + production build of
// the app on a fresh SQLite DB + first admin), runs a command against it, and
// always tears everything down.
//
//   tsx scripts/with-stack.ts [--listener-rate-limit N] [--reconcile-interval N] [--build] [--tls] [--standalone] [--postgres] [--cluster] -- <command...>
//
// Ports (scripts/stack/layout.ts): app 3100, LiveKit 7890-7891 and UDP 50100-50199, Redis 7892 and 7896,
// ingress 19450-19453, MinIO and egress from 19460; STACK_PORT_OFFSET=N (a multiple of 100) shifts them
// all so two stacks can run side by side.
// The command gets the app env plus TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, STACK_DIR and
// STACK_CONTROL_URL (scripts/stack/control.ts: crash and restart LiveKit from a test), and the
// push service stand-in's certificate (STACK_PUSH_TLS_CERT/KEY, scripts/stack/push-service.ts).
// livekit-server is supervised (restarted on an unexpected exit, like compose); a run whose
// LiveKit panicked or exited unexpectedly fails at the end, naming the panic and the log.
// --reconcile-interval N sets the app's RECONCILE_INTERVAL_SECONDS (default 2, so tests see
// missed webhooks repaired quickly; the crash tests run at the product default, 30).
// --tls puts deploy/Caddyfile in front (scripts/stack/caddy.ts): APP_URL, LIVEKIT_URL and the
// WHIP URL become https/wss on 3143 and 7943 (+ offset), as in production. --standalone runs the
// app as its image does: node server.mjs and migrate.mjs from .next/standalone (no tsx, no Prisma CLI).
// --postgres runs the app on a fresh PostgreSQL database (radio_stack_<offset>_<random> on
// 127.0.0.1:5432 or STACK_POSTGRES_URL's server), dropped at teardown: scripts/stack/postgres.ts.
// --cluster (implies --postgres; not with --tls) is the scale-out layout (scripts/stack/cluster.ts, which
// names its ports and the env it adds): a second LiveKit node and app replica on the same Redis and
// database, behind a round-robin balancer that APP_URL and LiveKit's webhooks point at.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdmin, ensureBuild, migrate } from './stack/app';
import { type Run, newStackDir, parseArgs, report } from './stack/harness';
import { startControl } from './stack/control';
import { randomSecret } from './stack/livekit';
import type { LivekitSupervisor } from './stack/livekit-supervisor';
import { startRedis } from './stack/redis';
import { ingressUrls, startLocalIngress } from './stack/ingress';
import { startHlsStack } from './stack/hls';
import { type TlsProxy, startCaddy } from './stack/caddy';
import { leakedSecrets } from './stack/log-secrets';
import { sampleCpu } from './stack/cpu';
import { pushStandInEnv } from './stack/push-service';
import { createStackDatabase } from './stack/postgres';
import { appReplica, clusterTestEnv, replicaB, startBalancer, startLivekitNodes } from './stack/cluster';
import { preflight, stackEnv, stackLayout } from './stack/layout';
import { log, runForeground, serviceGroup } from './stack/processes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORTS = stackLayout(process.env.STACK_PORT_OFFSET);

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const { services, teardown } = serviceGroup();

  const bins = await preflight(root, opts, PORTS);
  const stackDir = newStackDir(root);
  const apiKey = 'radio-test';
  const apiSecret = randomSecret(48);
  const run: Run = {
    opts,
    stackDir,
    livekitLog: path.join(stackDir, 'livekit.log'),
    appLog: path.join(stackDir, 'app.log'),
    apiKey,
    apiSecret,
    mode: opts.standalone ? 'standalone' : 'source',
    env: stackEnv(opts, stackDir, { apiKey, apiSecret }, PORTS),
    testEnv: {},
    services,
  };

  let failed = true;
  // One clear failure for a LiveKit panic or crash, whatever the tests said; printed last.
  let crash: string | null = null;
  let dropDatabase: (() => Promise<void>) | undefined;
  try {
    if (opts.postgres) {
      const database = await createStackDatabase(PORTS.offset);
      dropDatabase = database.drop;
      run.env.DATABASE_URL = database.url;
    }
    await ensureBuild(root, run.env, opts.build);
    await migrate(root, run.env, run.mode);
    const { livekits, proxy, control } = await startStack(run, bins);
    const admin = { email: 'admin@test.local', password: randomSecret(24), name: 'Test Admin' };
    await createAdmin(root, run.env, admin, run.mode);
    const code = await runCommand(run, admin, control.url);
    control.close();
    const leaks = await leakedSecrets(run.stackDir, run.env, { apiKey, apiSecret }, admin.password);
    crash = [...livekits.map((l) => l.report()), proxy?.report(), leaks].filter(Boolean).join('; ') || null;
    failed = code !== 0 || crash !== null;
    if (code !== 0) log(`command exited with ${code}`);
    return code !== 0 ? code : crash ? 1 : 0;
  } catch (err) {
    log(err instanceof Error ? err.message : String(err));
    return 1;
  } finally {
    report(run, failed);
    await teardown();
    await dropDatabase?.().catch((err: unknown) => log(`could not drop the stack's database: ${String(err)}`));
    if (crash) log(`FAIL: ${crash}`);
  }
}

/** Redis, Caddy (--tls), LiveKit (supervised), ingress, MinIO and egress, the app and the control endpoint, in that order. */
async function startStack(run: Run, bins: { bin: string; ingressBin: string }) {
  const { stackDir, env, services, apiKey, apiSecret } = run;
  const configFile = path.join(stackDir, 'livekit.yaml');
  const redis = await startRedis(PORTS.redis, path.join(stackDir, 'redis.log'), services);
  // Always: the suites exercise the multi-replica code paths (shared limits, fan-out, the lease).
  const appRedis = await startRedis(PORTS.appRedis, path.join(stackDir, 'app-redis.log'), services);
  env.APP_REDIS_URL = `redis://${appRedis.address}`;
  let webhookBase = `http://127.0.0.1:${PORTS.app}`;
  const cluster = run.opts.cluster ? PORTS.cluster : undefined;
  if (cluster) {
    // Before LiveKit, so no webhook finds it missing; the replicas start later (it answers 502 till then).
    webhookBase = (await startBalancer(stackDir, cluster, [PORTS.app, cluster.replicaB], services)).url;
    Object.assign(env, { APP_URL: webhookBase, TRUSTED_PROXY_HOPS: '1' });
    Object.assign(run.testEnv, clusterTestEnv(cluster, PORTS.offset, redis.address));
  }
  const ingressUrlsNow = ingressUrls(PORTS.ingress);
  let proxy: TlsProxy | undefined;
  if (run.opts.tls) {
    proxy = await startCaddy(root, stackDir, PORTS.tls, { app: PORTS.app, livekit: PORTS.signal, whip: PORTS.ingress.whip }, services);
    ingressUrlsNow.whipBaseUrl = proxy.whipBaseUrl;
    // Public URLs through the proxy; LIVEKIT_API_URL and the webhook stay direct, as in compose.
    Object.assign(env, {
      APP_URL: proxy.appUrl,
      LIVEKIT_URL: proxy.livekitUrl,
      TRUSTED_PROXY_HOPS: '1',
      NODE_EXTRA_CA_CERTS: proxy.rootCert,
      STACK_TLS_SPKI: proxy.spkiList,
    });
  }
  const lkConfig = {
    signalPort: PORTS.signal,
    rtcTcpPort: PORTS.rtcTcp,
    udpPortRange: PORTS.udpRange,
    webhookUrl: `${webhookBase}/api/livekit/webhook`,
    redis,
    apiKey,
    apiSecret,
    ingress: ingressUrlsNow,
  };
  // Supervised (restarted if it exits unexpectedly, as compose does; a panic still fails the run below).
  const livekits = await startLivekitNodes(root, bins.bin, { config: lkConfig, configFile, logFile: run.livekitLog }, cluster, services);
  const livekit = livekits[0] as LivekitSupervisor;
  await startLocalIngress(
    root,
    bins.ingressBin,
    stackDir,
    { ports: PORTS.ingress, signalPort: PORTS.signal, redis, apiKey, apiSecret },
    services,
  );
  const lk = { wsUrl: `ws://127.0.0.1:${PORTS.signal}`, apiKey, apiSecret };
  const hls = await startHlsStack({ root, dir: stackDir, portBase: PORTS.hlsBase, livekit: lk, redis, track: services });
  Object.assign(env, hls.appEnv);
  Object.assign(env, pushStandInEnv(stackDir, env.NODE_EXTRA_CA_CERTS));
  const control = await startAppAndControl(run, livekit);
  return { livekits, proxy, control };
}

/** The app (--cluster: both replicas, at once), and the control endpoint through which tests stop, kill and start them and LiveKit. */
async function startAppAndControl(run: Run, livekit: LivekitSupervisor) {
  const { env, appLog, services, mode, stackDir } = run;
  const a = appReplica('app server', { root, env, port: PORTS.app, logFile: appLog, mode }, services);
  const b = run.opts.cluster ? replicaB({ root, env, dir: stackDir, mode }, PORTS.cluster, services) : undefined;
  await Promise.all([a.start(), b?.start()]);
  return startControl(PORTS.control, randomSecret(24), {
    killLivekit: livekit.kill,
    startLivekit: livekit.start,
    livekitStatus: livekit.status,
    // For slot enforcement catching up after the app was down at a boundary.
    stopApp: () => a.stop(),
    startApp: () => a.start(),
    apps: b ? [a, b] : undefined,
  });
}

/** The command, with the app's environment plus the first admin, the stack dir and the control URL. */
async function runCommand(run: Run, admin: { email: string; password: string }, controlUrl: string): Promise<number> {
  const [command, ...args] = run.opts.command;
  log(`running: ${run.opts.command.join(' ')}`);
  const cpu = sampleCpu(run.services);
  const env = { ...run.env, TEST_ADMIN_EMAIL: admin.email, TEST_ADMIN_PASSWORD: admin.password };
  try {
    return await runForeground(
      command ?? '',
      args,
      { ...env, STACK_DIR: run.stackDir, STACK_CONTROL_URL: controlUrl, ...run.testEnv },
      root,
    );
  } finally {
    log(cpu.line());
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
