// Applies prisma/migrations to the SQLite database at DATABASE_URL (prisma/migrations-postgresql
// to a postgres:// one, scripts/db/migrate-pg.ts), as `prisma migrate deploy` does, without the Prisma CLI (a dev dependency): the app image runs this, compiled
// (scripts/build/standalone.ts), at every start. It keeps Prisma's own bookkeeping table with
// Prisma's checksums, so either tool can take over a database the other migrated
// (migrate.test.ts checks that against the real CLI).
//
//   tsx scripts/migrate.ts [--migrations DIR]     (compiled: node migrate.mjs)
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { applyPgMigrations, isPostgresUrl, migrationNames } from './db/migrate-pg';

/** Prisma's table, byte for byte as its schema engine creates it for SQLite. */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Prisma's timestamp format: 2026-12-03T07:52:32.170+00:00. */
const now = () => new Date().toISOString().replace('Z', '+00:00');

/** The file path of a `file:` DATABASE_URL (relative paths from the working directory, as Prisma's adapter does). */
export function sqlitePath(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:')) throw new Error(`DATABASE_URL must be a file: URL, got ${databaseUrl}`);
  return path.resolve(databaseUrl.slice('file:'.length));
}

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
}

/** Applies every migration not yet finished, in name order; returns their names. */
export function applyMigrations(dbFile: string, migrationsDir: string): string[] {
  mkdirSync(path.dirname(dbFile), { recursive: true });
  const db = new Database(dbFile);
  try {
    db.exec(MIGRATIONS_TABLE);
    const rows = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations').all() as Row[];
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) throw new Error(`migration ${failed.migration_name} failed earlier; resolve it first (prisma migrate resolve)`);
    const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const name of migrationNames(migrationsDir)) {
      const sql = readFileSync(path.join(migrationsDir, name, 'migration.sql'));
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = done.get(name);
      if (previous !== undefined) {
        if (previous !== checksum) console.warn(`migrate: ${name} was changed after it was applied (checksum differs)`);
        continue;
      }
      // As Prisma does: the row first, then the script as it is (no wrapping transaction, so a
      // future migration's PRAGMA foreign_keys=OFF works), then finished_at. A failure leaves
      // an unfinished row, which stops the next start until someone resolves it.
      const id = randomUUID();
      db.prepare('INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES (?, ?, ?, ?)').run(
        id,
        checksum,
        name,
        now(),
      );
      try {
        db.exec(sql.toString('utf8'));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        db.prepare('UPDATE _prisma_migrations SET logs = ? WHERE id = ?').run(message, id);
        throw new Error(`migration ${name} failed: ${message}`);
      }
      db.prepare('UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?').run(now(), id);
      applied.push(name);
    }
    return applied;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { migrations: { type: 'string' } } });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const postgres = isPostgresUrl(url);
  const folder = postgres ? 'migrations-postgresql' : 'migrations';
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Compiled, this file sits at the image's root beside prisma/; from source, one level down.
  const dir = values.migrations ?? [path.join(here, 'prisma', folder), path.join(here, '..', 'prisma', folder)].find(existsSync);
  if (!dir) throw new Error(`no prisma/${folder} found; pass --migrations DIR`);
  const applied = postgres ? await applyPgMigrations(url, dir) : applyMigrations(sqlitePath(url), dir);
  console.log(applied.length ? `migrate: applied ${applied.join(', ')}` : 'migrate: no pending migrations');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(`migrate: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
