// backup/restore on PostgreSQL against the real server: pg_dump while rows exist, a restore
// into another database that is refused while it holds tables and replaces them with --force.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { backupPostgres, restorePostgres } from './backup-pg';
import { applyPgMigrations } from './migrate-pg';
import { testDatabases } from './pg-test-db';

const root = path.resolve(__dirname, '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'backup-pg-'));
const databases = testDatabases('radio_backup_test');
afterAll(async () => {
  await databases.dropAll();
  rmSync(work, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query<T>(sql)).rows;
  } finally {
    await db.end();
  }
}

describe('backup and restore on PostgreSQL', () => {
  it('dumps a station and restores it over another database only with --force', { timeout: 60_000 }, async () => {
    const source = await databases.create();
    const target = await databases.create();
    for (const url of [source, target]) await applyPgMigrations(url, path.join(root, 'prisma', 'migrations-postgresql'));
    await query(source, `INSERT INTO channel (id, slug, name, "updatedAt") VALUES ('c1', 'kept', 'Kept', now())`);
    await query(target, `INSERT INTO channel (id, slug, name, "updatedAt") VALUES ('c2', 'replaced', 'Replaced', now())`);

    backupPostgres(source, work);
    const [file] = readdirSync(work).filter((f) => f.endsWith('.dump'));
    expect(file).toMatch(/^radio-.*Z\.dump$/);
    const dump = path.join(work, file ?? '');

    await expect(restorePostgres(dump, target, false)).rejects.toThrow(/--force/);
    await restorePostgres(dump, target, true);
    expect(await query(target, 'SELECT slug FROM channel')).toEqual([{ slug: 'kept' }]);
    expect((await query(target, 'SELECT migration_name FROM "_prisma_migrations"')).length).toBeGreaterThan(0);

    writeFileSync(path.join(work, 'bad.dump'), 'not a dump');
    await expect(restorePostgres(path.join(work, 'bad.dump'), target, true)).rejects.toThrow(/integrity check: pg_restore failed/);
    expect(await query(target, 'SELECT slug FROM channel')).toEqual([{ slug: 'kept' }]);
  });
});
