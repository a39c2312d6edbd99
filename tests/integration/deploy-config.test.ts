// Validates deploy/: the compose file through a real Compose implementation
// (Debian's docker-compose, which checks the Compose schema offline), and the
// config templates against the documented variables in deploy/.env.example.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { placeholdersIn, renderConfigTemplate, renderLivekitConfig } from '../../scripts/render-livekit-config';
import { parseDotenv } from '../../scripts/stack/dotenv';
import { envSchema, parseEnv } from '../../src/server/env.schema';

const deployDir = path.resolve(__dirname, '..', '..', 'deploy');
const read = (name: string) => readFileSync(path.join(deployDir, name), 'utf8');
const composeText = read('docker-compose.yml');
const envExampleText = read('.env.example');
const templates = ['livekit.yaml', 'egress.yaml', 'ingress.yaml'] as const;

const exampleAsWritten = parseDotenv(envExampleText);
/** The example with its placeholder secrets replaced, as an operator must (the placeholders are refused). */
const realSecrets = {
  BETTER_AUTH_SECRET: 'pV3nQ8xT1kR6wM0zB4hJ7cL2fY9sD5gA-Ue8iO',
  LIVEKIT_API_SECRET: 'Hq2Wm9Zp4Xr1Tn8Vb3Ly6Hc0Fs5Jd-Kg7Ue1Rb',
  S3_SECRET_ACCESS_KEY: '3f9a1c77e0b24d5a9e6c18b2f4d07a63c5e1b9d2a8f4c6e0',
};
const envExample: Record<string, string> = { ...exampleAsWritten, ...realSecrets };

const work = mkdtempSync(path.join(tmpdir(), 'deploy-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `docker-compose config` on the given text, laid out like the repo (deploy/ + .env). */
function composeConfig(text: string): { status: number; stdout: string; stderr: string } {
  const dir = mkdtempSync(path.join(work, 'case-'));
  mkdirSync(path.join(dir, 'deploy'));
  writeFileSync(path.join(dir, 'Dockerfile'), '');
  writeFileSync(path.join(dir, 'deploy', 'livekit-server.Dockerfile'), '');
  writeFileSync(path.join(dir, 'deploy', 'docker-compose.yml'), text);
  writeFileSync(path.join(dir, 'deploy', '.env'), envExampleText);
  const run = spawnSync('docker-compose', ['-f', path.join(dir, 'deploy', 'docker-compose.yml'), 'config'], {
    encoding: 'utf8',
    // Nothing from the caller's env may feed compose's interpolation.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, NODE_ENV: 'test' },
  });
  if (run.error) {
    throw new Error(
      `docker-compose could not run (${run.error.message}). Install it with scripts/setup.sh ` +
        '(apt-get install docker-compose): the compose file cannot be validated without it.',
    );
  }
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

type ComposeService = {
  image?: string;
  build?: { context: string; dockerfile: string };
  network_mode?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
};

describe('deploy/docker-compose.yml', () => {
  let cached: ReturnType<typeof composeConfig> | undefined;
  const valid = () => (cached ??= composeConfig(composeText));
  const services = (): Record<string, ComposeService> => (parse(valid().stdout) as { services: Record<string, ComposeService> }).services;

  it('is accepted by docker-compose config', () => {
    const result = valid();
    expect(result.stderr).not.toMatch(/invalid|error/i);
    expect(result.status).toBe(0);
    // prometheus and grafana belong to the "monitoring" profile (started only with --profile monitoring).
    expect(Object.keys(services()).sort()).toEqual([
      'app',
      'caddy',
      'config',
      'egress',
      'grafana',
      'ingress',
      'livekit',
      'prometheus',
      'redis',
    ]);
  });

  it('is rejected by docker-compose when broken (the check is real)', () => {
    const badCondition = composeText.replace('service_completed_successfully', 'service_finished');
    expect(badCondition).not.toBe(composeText);
    expect(composeConfig(badCondition).status).not.toBe(0);
    const badKey = composeText.replace('network_mode: host', 'network_mod: host');
    expect(composeConfig(badKey).status).not.toBe(0);
  });

  it('pins images, uses host networking and orders startup after the config render', () => {
    const s = services();
    // livekit-server is built from source with our patch, by the test build's own script.
    expect(s.livekit?.image).toMatch(/:v1\.13\.5-nilstate-ingressmuted$/);
    expect(s.livekit?.build?.dockerfile).toBe('deploy/livekit-server.Dockerfile');
    for (const name of ['egress', 'ingress', 'redis', 'caddy']) expect(s[name]?.image).not.toMatch(/:latest$|^[^:]+$/);
    for (const name of ['livekit', 'egress', 'ingress', 'app', 'redis', 'caddy']) expect(s[name]?.network_mode).toBe('host');
    for (const name of ['livekit', 'egress', 'ingress']) {
      expect(s[name]?.depends_on?.config?.condition).toBe('service_completed_successfully');
    }
    for (const name of ['app', 'redis', 'livekit']) expect(s[name]?.healthcheck?.test.length).toBeGreaterThan(1);
    expect(s.app?.healthcheck?.test.join(' ')).toContain('/api/health');
  });

  it('builds livekit-server from the repository root, where the build scripts are', () => {
    const s = services();
    // docker-compose resolves contexts: both must be the (stand-in) repository root.
    expect(s.livekit?.build?.context).toBeTruthy();
    expect(s.livekit?.build?.context).toBe(s.app?.build?.context);
    const dockerfile = read('livekit-server.Dockerfile');
    for (const file of ['scripts/livekit-server.sh', 'scripts/build/go-binary.sh', 'scripts/build/livekit-server-prep.sh']) {
      expect(readFileSync(path.join(deployDir, '..', file), 'utf8').length).toBeGreaterThan(0);
      expect(dockerfile).toContain(path.basename(file));
    }
    // The build context must carry scripts/ (the .dockerignore must not drop it).
    const ignored = readFileSync(path.join(deployDir, '..', '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(ignored.filter((l) => /^\/?scripts\b/.test(l))).toEqual([]);
  });

  it('gives the app an environment the app accepts once the placeholder secrets are replaced, and refuses it before', () => {
    const environment = services().app?.environment ?? {};
    expect(() => parseEnv(environment)).toThrow(/BETTER_AUTH_SECRET is a placeholder[\s\S]*LIVEKIT_API_SECRET is a placeholder/);
    expect(() => parseEnv({ ...environment, ...realSecrets })).not.toThrow();
  });
});

describe('deploy templates', () => {
  it("refuse the example's placeholder LiveKit secret", () => {
    expect(() => renderLivekitConfig(read('livekit.yaml'), exampleAsWritten)).toThrow(/is a placeholder/);
  });

  it('render with the documented sample values (and a real secret)', () => {
    const lk = parse(renderLivekitConfig(read('livekit.yaml'), envExample)) as { webhook: { urls: string[] } };
    expect(lk.webhook.urls).toEqual([`${envExample.APP_URL}/api/livekit/webhook`]);
    for (const name of ['egress.yaml', 'ingress.yaml']) {
      expect(renderConfigTemplate(read(name), envExample, name)).not.toContain('${');
    }
  });

  it('use only variables documented in deploy/.env.example', () => {
    const composeVars = [...composeText.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? '');
    const used = new Set([...templates.flatMap((t) => placeholdersIn(read(t))), ...composeVars]);
    const undocumented = [...used].filter((name) => !(name in envExample));
    expect(undocumented).toEqual([]);
  });

  it('document no variable that nothing reads', () => {
    const readers = new Set([
      ...templates.flatMap((t) => placeholdersIn(read(t))),
      ...[...composeText.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? ''),
      ...Object.keys(envSchema.shape),
    ]);
    expect(Object.keys(envExample).filter((name) => !readers.has(name))).toEqual([]);
  });
});
