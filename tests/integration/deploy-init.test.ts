// The install generator on real processes: `npm run deploy:init` writes a deploy/.env
// that docker-compose accepts and whose values start LiveKit (rendered through the
// harness's own loopback override list: only addresses and ports change), with the
// generated key pair signing API calls and webhooks; `--check` names what is wrong.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RoomServiceClient, WebhookReceiver } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runInit } from '../../scripts/deploy/init';
import { parseDotenv } from '../../scripts/stack/dotenv';
import { ensureLivekitBinary, renderLocalLivekitConfig, startLivekit } from '../../scripts/stack/livekit';
import { type Service, stopService } from '../../scripts/stack/processes';
import { startRedis } from '../../scripts/stack/redis';
import { parseEnv } from '../../src/server/env.schema';

const root = path.resolve(__dirname, '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'deploy-init-'));
const envFile = path.join(work, 'deploy', '.env');
// Spare loopback ports inside this stack's block (the app is 3100 + offset; LiveKit's metrics take signal + 4).
const OFFSET = Number(process.env.STACK_PORT_OFFSET ?? 0);
const PORTS = {
  signal: 3170 + OFFSET,
  tcp: 3171 + OFFSET,
  redis: 3172 + OFFSET,
  hook: 3173 + OFFSET,
  udp: [51150 + OFFSET, 51159 + OFFSET] as const,
};
const R2 = [
  '--s3-endpoint',
  'https://4f2c9a.r2.cloudflarestorage.com',
  '--s3-bucket',
  'radio-hls',
  '--s3-access-key-id',
  'c3a9e1f07b5d4862',
  '--s3-secret-access-key',
  'f81c3e9a5b0d7264c1e8a3f95b2d07c6e4a1f3b8',
  '--s3-public-url',
  'https://hls.radio.example.org',
];
const services: Service[] = [];

/** The command in-process (its output captured); the first run goes through `npm run deploy:init` itself. */
function init(...args: string[]) {
  const out: string[] = [];
  const capture = (...parts: unknown[]) => void out.push(parts.join(' '));
  const spies = [vi.spyOn(console, 'log').mockImplementation(capture), vi.spyOn(console, 'error').mockImplementation(capture)];
  try {
    return { status: runInit(args), out: out.join('\n') };
  } finally {
    spies.forEach((s) => s.mockRestore());
  }
}
const generated = () => parseDotenv(readFileSync(envFile, 'utf8'));

beforeAll(() => {
  mkdirSync(path.dirname(envFile));
  const args = ['--domain', 'radio.example.org', '--email', 'ops@example.org', '--ip', '203.0.113.7', '--file', envFile, ...R2];
  const first = spawnSync('npm', ['run', '-s', 'deploy:init', '--', ...args], { cwd: root, encoding: 'utf8' });
  expect(first.status, `${first.stdout}${first.stderr}`).toBe(0);
  expect(first.stdout).toMatch(/radio\.example\.org +A +203\.0\.113\.7/);
});

afterAll(async () => {
  for (const s of services.reverse()) await stopService(s, 2000);
  rmSync(work, { recursive: true, force: true });
});

describe('npm run deploy:init', () => {
  it('writes a private .env, prints DNS records and ports, and refuses to overwrite it without --force', () => {
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    const before = generated();
    const again = init('--domain', 'radio.example.org', '--email', 'ops@example.org', '--file', envFile);
    expect(again.status).toBe(1);
    expect(again.out).toMatch(/exists: not overwritten/);
    expect(generated()).toEqual(before);
    const forced = init('--domain', 'radio.example.org', '--email', 'ops@example.org', '--file', `${envFile}.forced`, '--force');
    expect(forced.out).toMatch(/livekit\.radio\.example\.org +A +<this server's IPv4>/);
    expect(forced.out).toMatch(/50000-60000\/udp/);
    expect(forced.out).toMatch(/Still to fill in[\s\S]*S3_ACCESS_KEY_ID/);
    expect(parseDotenv(readFileSync(`${envFile}.forced`, 'utf8')).LIVEKIT_API_SECRET).not.toBe(before.LIVEKIT_API_SECRET);
  });

  it('--check accepts the generated file and names what is wrong in a broken one', () => {
    expect(init('--check', '--file', envFile).status).toBe(0);
    const broken = path.join(work, 'broken.env');
    const text = readFileSync(envFile, 'utf8')
      .replace(/^BETTER_AUTH_SECRET=.*$/m, 'BETTER_AUTH_SECRET=change-me-to-a-random-string-of-32-or-more-chars')
      .replace(/^LIVEKIT_URL=.*$/m, 'LIVEKIT_URL=wss://elsewhere.example.org');
    writeFileSync(broken, text);
    const check = init('--check', '--file', broken);
    expect(check.status).toBe(1);
    expect(check.out).toMatch(/BETTER_AUTH_SECRET is a placeholder/);
    expect(check.out).toMatch(/LIVEKIT_URL's host \(elsewhere\.example\.org\) is not LIVEKIT_DOMAIN/);
  });

  it('is accepted by docker-compose config with the compose file', () => {
    for (const f of ['docker-compose.yml', 'livekit-server.Dockerfile'])
      copyFileSync(path.join(root, 'deploy', f), path.join(work, 'deploy', f));
    writeFileSync(path.join(work, 'Dockerfile'), '');
    const run = spawnSync('docker-compose', ['-f', path.join(work, 'deploy', 'docker-compose.yml'), 'config'], {
      encoding: 'utf8',
      // Nothing from the caller's env may feed compose's interpolation.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: work, NODE_ENV: 'test' },
    });
    expect(run.error, 'docker-compose is installed by scripts/setup.sh').toBeUndefined();
    expect(run.stderr).not.toMatch(/invalid|error/i);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(generated().LIVEKIT_API_KEY);
  });

  it('starts LiveKit with only addresses and ports overridden, and its key pair signs API calls and webhooks', async () => {
    const env = generated();
    const hooks: string[] = [];
    const receiver = new WebhookReceiver(env.LIVEKIT_API_KEY ?? '', env.LIVEKIT_API_SECRET ?? '');
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        receiver.receive(body, req.headers.authorization).then(
          (e) => hooks.push(e.event),
          (err: unknown) => hooks.push(`refused: ${String(err)}`),
        );
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(PORTS.hook, '127.0.0.1', r));
    try {
      const redis = await startRedis(PORTS.redis, path.join(work, 'redis.log'), services);
      const config = path.join(work, 'livekit.yaml');
      const lk = {
        signalPort: PORTS.signal,
        rtcTcpPort: PORTS.tcp,
        udpPortRange: PORTS.udp,
        redis,
        webhookUrl: `http://127.0.0.1:${PORTS.hook}/api/livekit/webhook`,
        apiKey: 'unused',
        apiSecret: 'unused',
      };
      writeFileSync(config, renderLocalLivekitConfig(root, lk, env), { mode: 0o600 });
      await startLivekit(await ensureLivekitBinary(root), config, path.join(work, 'livekit.log'), PORTS.signal, services);
      const url = `http://127.0.0.1:${PORTS.signal}`;
      const rooms = new RoomServiceClient(url, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
      await rooms.createRoom({ name: 'deploy-init' });
      expect((await rooms.listRooms()).map((r) => r.name)).toContain('deploy-init');
      await expect(new RoomServiceClient(url, env.LIVEKIT_API_KEY, 'x'.repeat(48)).listRooms()).rejects.toThrow();
      await expect.poll(() => hooks, { timeout: 10_000 }).toContain('room_started');
      expect(hooks.filter((h) => h.startsWith('refused'))).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('gives the app an environment it accepts with only its addresses changed', () => {
    const env = generated();
    const local = {
      APP_URL: 'http://127.0.0.1:3000',
      LIVEKIT_URL: 'ws://127.0.0.1:7880',
      DATABASE_URL: 'file:/tmp/x.db',
      NODE_ENV: 'production',
    };
    expect(() => parseEnv({ ...env, ...local })).not.toThrow();
    expect(() => parseEnv(env)).not.toThrow();
  });
});
