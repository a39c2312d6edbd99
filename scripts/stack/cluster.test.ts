// The --cluster stack's ports stay inside their stack's block (no clash with the stack's other
// ports, nor with a stack at another offset), the UDP halves split the range, and Caddy reads the
// balancer's Caddyfile (and the cluster compose file's upstream list in deploy/Caddyfile) as meant.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { balancerCaddyfile, clusterPortNames, clusterPorts } from './cluster';

const root = path.resolve(__dirname, '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'cluster-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every TCP port a stack at this offset binds without --cluster (scripts/stack/layout.ts, tests' spare ports). */
function stackPorts(offset: number): number[] {
  const fixed = [3100, 3143, 3144, 3145, 3160, 3161, 7890, 7891, 7892, 7893, 7894, 7895, 7896, 7897];
  const ingressAndHls = Array.from({ length: 14 }, (_, i) => 19450 + i);
  return [...fixed, ...ingressAndHls].map((p) => p + offset);
}

function adapt(file: string, env: Record<string, string> = {}): string {
  const run = spawnSync('caddy', ['adapt', '--config', file, '--adapter', 'caddyfile'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: work, NODE_ENV: 'test', ...env },
  });
  if (run.error) throw new Error(`caddy could not run (${run.error.message}): scripts/setup.sh installs Debian's caddy`);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('clusterPorts', () => {
  it('adds ports no other port of any stack uses, and splits the UDP range in two', () => {
    const offsets = [0, 100, 200, 300, 400, 500, 600, 700, 800];
    const all = offsets.flatMap((o) => [...stackPorts(o), ...Object.values(clusterPortNames(clusterPorts(o)))]);
    expect(new Set(all).size).toBe(all.length);
    for (const o of offsets) {
      const p = clusterPorts(o);
      expect([p.udp1[0], p.udp1[1] + 1, p.udp2[1]]).toEqual([50100 + o, p.udp2[0], 50199 + o]);
    }
  });
});

describe('the balancer', () => {
  it('balances round robin over both replicas, retries a refused one, streams unbuffered and answers its readiness check', () => {
    const file = path.join(work, 'Caddyfile.cluster');
    writeFileSync(file, balancerCaddyfile(clusterPorts(0), [3100, 3170]));
    const json = adapt(file);
    expect(json).toContain('"upstreams":[{"dial":"127.0.0.1:3100"},{"dial":"127.0.0.1:3170"}]');
    expect(json).toContain('"selection_policy":{"policy":"round_robin"}');
    expect(json).toContain('"try_duration":5000000000');
    expect(json).toContain('"flush_interval":-1');
    expect(json).toContain('"path":["/.balancer"]');
    expect(json).toContain('"listen":["127.0.0.1:3171"]');
  });

  it("deploy/Caddyfile turns the cluster compose file's space-separated upstream lists into one upstream each", () => {
    const compose = parse(readFileSync(path.join(root, 'deploy', 'docker-compose.cluster.yml'), 'utf8')) as {
      services: { caddy: { environment: Record<string, string> } };
    };
    const { APP_UPSTREAM, LIVEKIT_UPSTREAM } = compose.services.caddy.environment;
    expect([APP_UPSTREAM, LIVEKIT_UPSTREAM]).toEqual(['127.0.0.1:3000 127.0.0.1:3002', '127.0.0.1:7880 127.0.0.1:7980']);
    const json = adapt(path.join(root, 'deploy', 'Caddyfile'), {
      APP_URL: 'https://radio.example.org',
      LIVEKIT_DOMAIN: 'livekit.radio.example.org',
      TURN_DOMAIN: 'turn.radio.example.org',
      CADDY_TLS: 'ops@example.org',
      APP_UPSTREAM: APP_UPSTREAM ?? '',
      LIVEKIT_UPSTREAM: LIVEKIT_UPSTREAM ?? '',
    });
    expect(json).toContain('"upstreams":[{"dial":"127.0.0.1:3000"},{"dial":"127.0.0.1:3002"}]');
    expect(json).toContain('"upstreams":[{"dial":"127.0.0.1:7880"},{"dial":"127.0.0.1:7980"}]');
  });
});
