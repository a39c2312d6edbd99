// The app image's entry points (scripts/build/standalone.ts) compiled as the build compiles them:
// what they still import at run time must be Node built-ins or production dependencies (the
// image has no dev dependencies and no tsx), and the compiled migrate, backup and config renderer work.
// The compiled server itself runs in `make test`: the TLS stack runs .next/standalone/server.mjs.
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../db/pg-test-db';
import { ENTRIES, ENTRY_EXTERNALS, compileEntries } from './standalone';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
/** Packages npm installs for production (`npm ci --omit=dev`): the lock marks the others dev. */
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
const isProduction = (name: string) => {
  const entry = lock.packages[`node_modules/${name}`];
  return entry !== undefined && entry.dev !== true;
};
// Inside the checkout, so the compiled files resolve the externals from its node_modules, as the image's do from the traced ones.
mkdirSync(path.join(root, '.local'), { recursive: true });
const out = mkdtempSync(path.join(root, '.local', 'standalone-test-'));
const databases = testDatabases('radio_standalone_test');
afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  await databases.dropAll();
});

let metafile: Metafile;
beforeAll(async () => {
  metafile = await compileEntries(out);
}, 60_000);

/** The package a bare import names: 'next/server' -> 'next', '@a/b/c' -> '@a/b'. */
const packageOf = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

// Each case starts node several times: seconds on a loaded machine, past the unit default of 5 s.
describe('the compiled entry points of the app image', { timeout: 60_000 }, () => {
  it('are one .mjs file per entry', () => {
    const outputs = Object.keys(metafile.outputs)
      .map((f) => path.basename(f))
      .sort();
    expect(outputs).toEqual(
      Object.keys(ENTRIES)
        .map((name) => `${name}.mjs`)
        .sort(),
    );
  });

  it('import at run time only Node built-ins and production dependencies, never tsx or a dev dependency', () => {
    const builtins = new Set(builtinModules);
    for (const [file, output] of Object.entries(metafile.outputs)) {
      const external = output.imports.filter((i) => i.external).map((i) => i.path.replace(/^node:/, ''));
      const packages = [...new Set(external.filter((p) => !builtins.has(p) && !builtins.has(p.split('/')[0] ?? '')).map(packageOf))]
        // Left external by esbuild because nothing installs them: optional imports their callers guard
        // (better-auth's `try { await import('@opentelemetry/api') } catch {}`), absent in the image too.
        .filter((p) => `node_modules/${p}` in lock.packages);
      expect(
        packages.filter((p) => !isProduction(p)),
        file,
      ).toEqual([]);
      expect(
        packages.filter((p) => p in pkg.devDependencies),
        file,
      ).toEqual([]);
      for (const p of packages)
        expect(
          ENTRY_EXTERNALS.some((e) => packageOf(e) === p),
          `${file}: ${p}`,
        ).toBe(true);
    }
    const server = Object.entries(metafile.outputs).find(([f]) => f.endsWith('server.mjs'))?.[1];
    // server.ts itself is compiled in (body cap, client address), not loaded through tsx.
    expect(Object.keys(server?.inputs ?? {})).toEqual(expect.arrayContaining(['server.ts', 'src/lib/body-cap.ts']));
  });

  it('migrate.mjs applies the migrations with node alone', () => {
    const db = path.join(out, 'radio.db');
    const run = spawnSync(process.execPath, [path.join(out, 'migrate.mjs'), '--migrations', path.join(root, 'prisma', 'migrations')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: `file:${db}` },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/migrate: applied 2026/);
    const conn = new Database(db, { readonly: true });
    const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    conn.close();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['user', 'channel', '_prisma_migrations']));
  });

  it('migrate.mjs migrates PostgreSQL with node alone (prisma/migrations-postgresql beside it)', { timeout: 30_000 }, async () => {
    const url = await databases.create();
    const run = spawnSync(
      process.execPath,
      [path.join(out, 'migrate.mjs'), '--migrations', path.join(root, 'prisma', 'migrations-postgresql')],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: url },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/migrate: applied 2026\d+_init/);
  });

  it('backup.mjs backs up and restores the database with node alone', () => {
    const node = (args: string[], db: string) =>
      spawnSync(process.execPath, [path.join(out, ...args.slice(0, 1)), ...args.slice(1)], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, NODE_ENV: 'production', DATABASE_URL: `file:${db}` },
      });
    const live = path.join(out, 'live.db');
    const migrated = node(['migrate.mjs', '--migrations', path.join(root, 'prisma', 'migrations')], live);
    expect(migrated.status, migrated.stderr).toBe(0);

    const copy = path.join(out, 'copy.db');
    const backedUp = node(['backup.mjs', 'backup', '--out', copy], live);
    expect(backedUp.status, backedUp.stderr).toBe(0);
    expect(backedUp.stdout).toMatch(/backed up .*live\.db -> .*copy\.db \(0 channel, 0 user/);

    const fresh = path.join(out, 'restored.db');
    const restored = node(['backup.mjs', 'restore', copy], fresh);
    expect(restored.status, restored.stderr).toBe(0);
    const conn = new Database(fresh, { readonly: true });
    const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    conn.close();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['user', 'channel', 'slot']));
    // An existing database is not replaced without --force, and the message says so.
    const refused = node(['backup.mjs', 'restore', copy], fresh);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/not restored/);
  });

  it('render-livekit-config.mjs renders a template with node alone', () => {
    const target = path.join(out, 'livekit.yaml');
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'production' as const,
      LIVEKIT_API_KEY: 'radio-prod',
      LIVEKIT_API_SECRET: 'Hq2Wm9Zp4Xr1Tn8Vb3Ly6Hc0Fs5Jd-Kg7Ue1Rb',
      APP_URL: 'https://radio.example.com',
      REDIS_ADDRESS: '127.0.0.1:6379',
      LIVEKIT_DOMAIN: 'livekit.example.com',
      TURN_DOMAIN: 'turn.example.com',
    };
    const run = spawnSync(process.execPath, [path.join(out, 'render-livekit-config.mjs'), `deploy/livekit.yaml:${target}`], {
      cwd: root,
      encoding: 'utf8',
      env,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('https://radio.example.com/api/livekit/webhook');
  });
});
