// deploy/Caddyfile as Caddy itself reads it (`caddy adapt`, Debian's 2.6), with production's
// values (compose's caddy environment from deploy/.env.example) and with the test stack's
// (caddyEnv): the same routes either way, only names, ports and the certificate issuer differ.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDotenv } from './dotenv';
import { caddyEnv, spkiHash, tlsPorts } from './caddy';

const root = path.resolve(__dirname, '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'caddy-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Handler = { handler: string; routes?: Route[]; upstreams?: { dial: string }[]; flush_interval?: number; status_code?: number };
type Route = { match?: { host?: string[]; path?: string[] }[]; handle: Handler[] };
type Adapted = {
  apps: {
    http: { servers: Record<string, { listen: string[]; routes: Route[] }> };
    tls?: { automation?: { policies: { subjects?: string[]; issuers?: { module: string; email?: string }[] }[] } };
  };
};

function adapt(env: Record<string, string | undefined>): Adapted {
  const run = spawnSync('caddy', ['adapt', '--config', path.join(root, 'deploy', 'Caddyfile'), '--adapter', 'caddyfile'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: work, NODE_ENV: 'test', ...env },
  });
  if (run.error) throw new Error(`caddy could not run (${run.error.message}): scripts/setup.sh installs Debian's caddy`);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Adapted;
}

/** The handlers a request for host (and path) reaches, flattened through subroutes. */
function handlersFor(config: Adapted, host: string, pathname = '/'): Handler[] {
  const walk = (routes: Route[]): Handler[] => {
    for (const route of routes) {
      const ok = (route.match ?? [{}]).some(
        (m) =>
          (!m.host || m.host.includes(host)) &&
          (!m.path || m.path.some((p) => (p.endsWith('*') ? pathname.startsWith(p.slice(0, -1)) : p === pathname))),
      );
      if (ok) return route.handle.flatMap((h) => (h.handler === 'subroute' ? walk(h.routes ?? []) : [h]));
    }
    return [];
  };
  return Object.values(config.apps.http.servers).flatMap((s) => walk(s.routes));
}
const upstream = (handlers: Handler[]) => handlers.find((h) => h.handler === 'reverse_proxy');

/** Compose's environment for the caddy service, interpolated from the example .env. */
function productionEnv(): Record<string, string> {
  const vars = parseDotenv(readFileSync(path.join(root, 'deploy', '.env.example'), 'utf8'));
  const compose = parse(readFileSync(path.join(root, 'deploy', 'docker-compose.yml'), 'utf8')) as {
    services: { caddy: { environment: Record<string, string> } };
  };
  return Object.fromEntries(
    Object.entries(compose.services.caddy.environment).map(([k, v]) => [
      k,
      v.replace(/\$\{(\w+)\}/g, (_m, name: string) => vars[name] ?? ''),
    ]),
  );
}

describe('deploy/Caddyfile in production (compose)', () => {
  const env = productionEnv();
  const config = adapt(env);
  const app = new URL(env.APP_URL ?? '').hostname;

  it('proxies the app without buffering (server-sent events) and LiveKit with WHIP under /w', () => {
    const toApp = upstream(handlersFor(config, app));
    expect(toApp?.upstreams).toEqual([{ dial: '127.0.0.1:3000' }]);
    expect(toApp?.flush_interval).toBe(-1);
    expect(upstream(handlersFor(config, env.LIVEKIT_DOMAIN ?? '', '/rtc'))?.upstreams).toEqual([{ dial: '127.0.0.1:7880' }]);
    expect(upstream(handlersFor(config, env.LIVEKIT_DOMAIN ?? '', '/w/abc'))?.upstreams).toEqual([{ dial: '127.0.0.1:8080' }]);
    expect(handlersFor(config, env.TURN_DOMAIN ?? '')).toEqual([{ handler: 'static_response', status_code: 404 }]);
  });

  it("gets ACME certificates for the three names with the operator's email", () => {
    const policies = config.apps.tls?.automation?.policies ?? [];
    const subjects = policies.flatMap((p) => p.subjects ?? []).sort();
    expect(subjects).toEqual([app, env.LIVEKIT_DOMAIN, env.TURN_DOMAIN].sort());
    const issuers = policies.flatMap((p) => p.issuers ?? []);
    expect(issuers.length).toBeGreaterThan(0);
    // Let's Encrypt first, ZeroSSL as Caddy's fallback (livekit.yaml reads the TURN certificate from Let's Encrypt's folder).
    expect(issuers.map((i) => i.module)).toEqual(['acme', 'zerossl']);
    for (const issuer of issuers) expect(issuer.email).toBe(env.CADDY_TLS);
    expect(env.CADDY_TLS).toMatch(/@/);
  });
});

describe('deploy/Caddyfile in the test stack (caddyEnv)', () => {
  const ports = tlsPorts(200);
  const config = adapt(caddyEnv(work, ports, { app: 3300, livekit: 8090, whip: 19651 }));

  it("has the same routes, to the stack's loopback ports, and listens on loopback only", () => {
    expect(upstream(handlersFor(config, '127.0.0.1'))).toMatchObject({ upstreams: [{ dial: '127.0.0.1:3300' }], flush_interval: -1 });
    const listens = Object.values(config.apps.http.servers)
      .flatMap((s) => s.listen)
      .sort();
    expect(listens).toEqual([`127.0.0.1:${ports.app}`, `127.0.0.1:${ports.livekit}`, `127.0.0.1:${ports.https}`].sort());
    const lk = Object.values(config.apps.http.servers).find((s) => s.listen.includes(`127.0.0.1:${ports.livekit}`));
    const walk = { apps: { http: { servers: { lk: lk ?? { listen: [], routes: [] } } } } };
    expect(upstream(handlersFor(walk, '127.0.0.1', '/w'))?.upstreams).toEqual([{ dial: '127.0.0.1:19651' }]);
    expect(upstream(handlersFor(walk, '127.0.0.1', '/rtc'))?.upstreams).toEqual([{ dial: '127.0.0.1:8090' }]);
  });

  it("issues from Caddy's local CA, never ACME", () => {
    const issuers = (config.apps.tls?.automation?.policies ?? []).flatMap((p) => p.issuers ?? []);
    expect(issuers.map((i) => i.module)).toEqual(issuers.map(() => 'internal'));
    expect(issuers.length).toBeGreaterThan(0);
  });
});

describe('spkiHash', () => {
  it('matches the openssl recipe Chromium documents for --ignore-certificate-errors-spki-list', () => {
    const key = path.join(work, 'key.pem');
    const cert = path.join(work, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=t',
        '-days',
        '1',
      ],
      { stdio: 'ignore' },
    );
    const expected = execFileSync(
      'sh',
      ['-c', `openssl x509 -in ${cert} -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`],
      { encoding: 'utf8' },
    ).trim();
    expect(spkiHash(readFileSync(cert, 'utf8'))).toBe(expected);
  });
});
