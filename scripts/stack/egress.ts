// LiveKit egress for local stacks: the v1.8.6 test build (scripts/egress.sh),
// configured from deploy/egress.yaml plus loopback overrides. That version
// records an audio-only room composite through Chromium, so each stack also
// gets its own PulseAudio daemon and serves the small page Chromium opens.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { renderConfigTemplate } from '../render-livekit-config';
import { type Env, type Service, log, runCapture, startService, waitForHttp } from './processes';
import type { LocalStorage } from './minio';
import type { RedisTarget } from './redis';

export interface EgressPorts {
  health: number;
  template: number;
}

/** Builds or reuses the egress test build and returns its path. */
export async function ensureEgressBinary(root: string): Promise<string> {
  const out = await runCapture('sh', [path.join(root, 'scripts', 'egress.sh')], process.env, root);
  const bin = out.trim().split('\n').pop();
  if (!bin) throw new Error('scripts/egress.sh printed no path');
  return bin;
}

export interface LocalEgress {
  apiKey: string;
  apiSecret: string;
  wsUrl: string;
  redis: RedisTarget;
  storage: LocalStorage;
  ports: EgressPorts;
}

/** deploy/egress.yaml with loopback overrides, in the shape egress v1.8.6 reads. */
export function renderLocalEgressConfig(root: string, e: LocalEgress): string {
  const template = readFileSync(path.join(root, 'deploy', 'egress.yaml'), 'utf8');
  const vars = {
    LIVEKIT_API_KEY: e.apiKey,
    LIVEKIT_API_SECRET: e.apiSecret,
    REDIS_ADDRESS: e.redis.address,
    S3_ENDPOINT: e.storage.endpoint,
    S3_REGION: e.storage.region,
    S3_BUCKET: e.storage.bucket,
    S3_ACCESS_KEY_ID: e.storage.accessKeyId,
    S3_SECRET_ACCESS_KEY: e.storage.secretAccessKey,
  };
  const config = parse(renderConfigTemplate(template, vars, 'egress.yaml')) as Record<string, unknown>;
  // v1.8.6 reads storage at top level; `storage:` arrived in v1.9.
  const storage = config.storage as { s3?: unknown } | undefined;
  delete config.storage;
  config.s3 = storage?.s3;
  Object.assign(config, {
    ws_url: e.wsUrl,
    redis: { address: e.redis.address, db: e.redis.db },
    health_port: e.ports.health,
    // Our own page server below replaces egress's built-in one (0 turns it off).
    template_port: 0,
    template_base: `http://127.0.0.1:${e.ports.template}/`,
    insecure: true,
    logging: { level: 'debug' },
    // Two shared cores: without low costs egress refuses every request as "no CPU".
    cpu_cost: {
      max_cpu_utilization: 0.99,
      // Each job is a Chromium: cap them so many live test channels cannot starve the machine.
      max_concurrent_web: 4,
      room_composite_cpu_cost: 0.1,
      audio_room_composite_cpu_cost: 0.1,
      web_cpu_cost: 0.1,
      audio_web_cpu_cost: 0.1,
      participant_cpu_cost: 0.1,
      track_composite_cpu_cost: 0.1,
      track_cpu_cost: 0.1,
    },
  });
  delete config.prometheus_port;
  return `# Generated from deploy/egress.yaml by scripts/stack/egress.ts.\n${stringify(config)}`;
}

/**
 * The page egress's Chromium opens (`template_base`): joins the room with the
 * url and token egress passes, plays every audio track, and tells egress when
 * to start and stop recording through the console, as LiveKit's templates do.
 */
const TEMPLATE_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>radio egress</title></head><body>
<script src="/livekit-client.umd.js"></script>
<script>
const q = new URLSearchParams(location.search);
const room = new LivekitClient.Room({ adaptiveStream: false, dynacast: false });
room.on(LivekitClient.RoomEvent.TrackSubscribed, (track) => {
  if (track.kind === 'audio') document.body.appendChild(track.attach());
});
room.on(LivekitClient.RoomEvent.Disconnected, () => console.log('END_RECORDING'));
room.connect(q.get('url'), q.get('token')).then(
  () => console.log('START_RECORDING'),
  (err) => { const d = document.createElement('div'); d.className = 'error'; d.textContent = String(err); document.body.appendChild(d); },
);
</script></body></html>`;

/** Serves the template page and livekit-client's UMD build on 127.0.0.1:port. */
export function startTemplateServer(root: string, port: number): Promise<{ close: () => Promise<void> }> {
  const umd = readFileSync(path.join(root, 'node_modules', 'livekit-client', 'dist', 'livekit-client.umd.js'));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/livekit-client.umd.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(umd);
    } else if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(TEMPLATE_PAGE);
    } else res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ close: () => new Promise<void>((r) => server.close(() => r())) }));
  });
}

/** A PulseAudio daemon private to this stack (its own runtime dir): egress gives each Chromium a null sink. */
export async function startPulse(dir: string, track: Service[]): Promise<Env> {
  const runtime = path.join(dir, 'pulse');
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const env: Env = { PATH: process.env.PATH, HOME: process.env.HOME, XDG_RUNTIME_DIR: runtime, PULSE_RUNTIME_PATH: runtime };
  const args = ['--daemonize=no', '--exit-idle-time=-1', '--disallow-exit', '--log-target=stderr'];
  const service = startService('pulseaudio', 'pulseaudio', args, { env, logFile: path.join(dir, 'pulseaudio.log') });
  track.push(service);
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      execFileSync('pactl', ['info'], { env: env as NodeJS.ProcessEnv, stdio: 'ignore' });
      break;
    } catch {
      if (service.child.exitCode !== null) throw new Error(`pulseaudio exited (see ${service.logFile})`);
      if (Date.now() > deadline) throw new Error('pulseaudio did not answer within 15 s');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  log(`PulseAudio ready (runtime dir ${runtime})`);
  return env;
}

/**
 * Starts egress with the rendered config, restarted whenever it exits, as the
 * compose file's `restart: unless-stopped` does: egress v1.8.6 shuts its whole
 * service down when a job process dies. Egress runs each job as `egress
 * run-handler`, so the binary must be on PATH under that name. The current
 * service pid is kept in <dir>/egress.pid (tests kill its jobs).
 */
export async function startEgress(
  bin: string,
  dir: string,
  config: string,
  pulseEnv: Env,
  healthPort: number,
  track: Service[],
): Promise<Service> {
  const binDir = path.join(dir, 'egress-bin');
  rmSync(binDir, { recursive: true, force: true });
  mkdirSync(binDir, { recursive: true });
  symlinkSync(bin, path.join(binDir, 'egress'));
  const configFile = path.join(dir, 'egress.yaml');
  writeFileSync(configFile, config, { mode: 0o600 });
  const env: Env = { ...pulseEnv, PATH: `${binDir}:${process.env.PATH ?? ''}`, EGRESS_CONFIG_FILE: configFile };
  const pidFile = path.join(dir, 'egress.pid');
  // The loop and egress share one process group, which teardown signals as a whole.
  const loop = `trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid"; exit 0' TERM INT
while :; do
  egress & pid=$!
  echo "$pid" > '${pidFile}'
  wait "$pid"
  echo "[stack] egress exited ($?); restarting in 1 s"
  sleep 1
done`;
  const service = startService('egress', 'sh', ['-c', loop], { env, logFile: path.join(dir, 'egress.log') });
  track.push(service);
  await waitForHttp(`http://127.0.0.1:${healthPort}/`, { timeoutMs: 30_000, service });
  log(`egress ready (health on ${healthPort}, restarted on exit; pid in ${pidFile})`);
  return service;
}
