// Each provider's migrations build exactly the schema prisma/schema.prisma describes: the
// database the migrations leave behind is compared, catalog against catalog, with one built
// from `prisma migrate diff --from-empty --to-schema-datamodel` (the schema's own DDL). A
// schema edit without a migration for either provider fails here. (The Prisma CLI's own
// `--from-migrations` diff needs a shadow database the engine-less CLI cannot drive here.)
// Needs the PostgreSQL server at 127.0.0.1:5432 (or STACK_POSTGRES_URL): no server, a loud failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../migrate';
import { applyPgMigrations } from './migrate-pg';
import { testDatabases } from './pg-test-db';

const root = path.resolve(__dirname, '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'schema-match-'));
const databases = testDatabases('radio_schema_test');

afterAll(async () => {
  await databases.dropAll();
  rmSync(work, { recursive: true, force: true });
});

/** The schema's DDL from an empty database, as the Prisma CLI generates it for the provider DATABASE_URL names. */
function schemaScript(schema: string, databaseUrl: string): string {
  const run = spawnSync('sh', ['scripts/prisma.sh', 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', schema, '--script'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/CREATE TABLE/);
  return run.stdout;
}

/** Columns, indexes and foreign keys of every table, in a stable order (not the SQL text, which ALTERs reshape). */
function sqliteCatalog(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    return tables.map((t) => ({
      table: t,
      // By name: a column added by ALTER TABLE comes last, which no query depends on.
      columns: (db.prepare(`PRAGMA table_xinfo("${t}")`).all() as { cid: number; name: string }[])
        .map((c) => ({ ...c, cid: 0 }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      indexes: (db.prepare(`PRAGMA index_list("${t}")`).all() as { name: string }[])
        .map((i) => ({
          ...i,
          seq: 0,
          columns: (db.prepare(`PRAGMA index_xinfo("${i.name}")`).all() as { cid: number }[]).map((c) => ({ ...c, cid: 0 })),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      foreignKeys: db.prepare(`PRAGMA foreign_key_list("${t}")`).all(),
    }));
  } finally {
    db.close();
  }
}

/**
 * Sorts the column lines of each CREATE TABLE: a migration's ADD COLUMN appends, so a column added
 * to the middle of a model sits elsewhere than in a table built from the schema, and that order
 * means nothing to the app (Prisma names every column).
 */
function sortColumns(dump: string): string {
  return dump.replace(/(CREATE TABLE [^\n]+ \(\n)([\s\S]*?)(\n\);)/g, (_all, head: string, body: string, tail: string) => {
    const columns = body.split('\n').map((line) => line.replace(/,$/, ''));
    return head + columns.sort().join(',\n') + tail;
  });
}

/** pg_dump's schema-only text without Prisma's bookkeeping and pg_dump's per-run \restrict key. */
function pgCatalog(url: string): string {
  const run = spawnSync('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', '-T', '_prisma_migrations', url], {
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return sortColumns(
    run.stdout
      .split('\n')
      .filter((l) => !/^\\(un)?restrict /.test(l))
      .join('\n'),
  );
}

describe('migrations match prisma/schema.prisma', () => {
  it('SQLite: prisma/migrations build the schema', { timeout: 60_000 }, () => {
    const migrated = path.join(work, 'migrated.db');
    const fromSchema = path.join(work, 'schema.db');
    applyMigrations(migrated, path.join(root, 'prisma', 'migrations'));
    const db = new Database(fromSchema);
    db.exec(schemaScript('prisma/schema.prisma', `file:${fromSchema}`));
    db.close();
    const catalog = sqliteCatalog(migrated);
    expect(catalog.length).toBeGreaterThan(10);
    expect(catalog).toEqual(sqliteCatalog(fromSchema));
  });

  it('PostgreSQL: prisma/migrations-postgresql build the schema', { timeout: 60_000 }, async () => {
    const migrated = await databases.create();
    const fromSchema = await databases.create();
    await applyPgMigrations(migrated, path.join(root, 'prisma', 'migrations-postgresql'));
    const db = new pg.Client({ connectionString: fromSchema });
    await db.connect();
    await db.query(schemaScript('prisma/postgresql/schema.prisma', fromSchema));
    await db.end();
    const catalog = pgCatalog(migrated);
    expect(catalog).toMatch(/CREATE TABLE public\.channel/);
    expect(catalog).toEqual(pgCatalog(fromSchema));
  });
});
