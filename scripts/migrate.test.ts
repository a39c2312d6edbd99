// scripts/migrate.ts against the real Prisma CLI: the image migrates with our runner, developers
// and older installs with `prisma migrate deploy`, so each must accept what the other did.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, sqlitePath } from './migrate';

const root = path.resolve(__dirname, '..');
const migrations = path.join(root, 'prisma', 'migrations');
const work = mkdtempSync(path.join(tmpdir(), 'migrate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function prismaDeploy(dbFile: string): string {
  const run = spawnSync('sh', ['scripts/prisma.sh', 'migrate', 'deploy'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** The schema (tables, indexes) without Prisma's bookkeeping, and the bookkeeping's names and checksums. */
function snapshot(dbFile: string) {
  const db = new Database(dbFile, { readonly: true });
  try {
    const schema = db
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '_prisma_migrations%' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    const applied = db
      .prepare(
        'SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS done FROM _prisma_migrations ORDER BY migration_name',
      )
      .all();
    return { schema, applied };
  } finally {
    db.close();
  }
}

describe('scripts/migrate.ts', () => {
  it('builds the schema Prisma builds, with the bookkeeping Prisma keeps', { timeout: 60_000 }, () => {
    const ours = path.join(work, 'ours.db');
    const theirs = path.join(work, 'theirs.db');
    const applied = applyMigrations(ours, migrations);
    expect(applied.length).toBeGreaterThan(3);
    prismaDeploy(theirs);
    expect(snapshot(ours)).toEqual(snapshot(theirs));
    // Prisma takes over a database we migrated: nothing to apply, no checksum complaint.
    expect(prismaDeploy(ours)).toMatch(/No pending migrations/);
    // And we take over one Prisma migrated.
    expect(applyMigrations(theirs, migrations)).toEqual([]);
  });

  it('stops at a migration that failed earlier instead of building on it', () => {
    const file = path.join(work, 'failed.db');
    applyMigrations(file, migrations);
    const db = new Database(file);
    db.prepare(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ('x', 'y', '29990101000000_broken', '2026-01-01')",
    ).run();
    db.close();
    expect(() => applyMigrations(file, migrations)).toThrow(/29990101000000_broken failed earlier/);
  });

  it('reads file: URLs only', () => {
    expect(sqlitePath('file:/data/radio.db')).toBe('/data/radio.db');
    expect(() => sqlitePath('postgres://x')).toThrow(/file: URL/);
  });
});
