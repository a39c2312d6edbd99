// The PostgreSQL half of scripts/migrate.ts: applies prisma/migrations-postgresql as
// `prisma migrate deploy` does, with Prisma's own bookkeeping table and advisory lock, so
// replicas starting together migrate once and either tool can take over from the other.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** Prisma's table, as its schema engine creates it for PostgreSQL. */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** The key Prisma's migrate holds while it works: the CLI and this runner exclude each other. */
const ADVISORY_LOCK = 72707369;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Migration folders with a migration.sql, in name order. */
export function migrationNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

/** Applies every migration not yet finished, in name order; returns their names. */
export async function applyPgMigrations(url: string, migrationsDir: string): Promise<string[]> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK]);
    await db.query(MIGRATIONS_TABLE);
    const { rows } = await db.query<Row>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"');
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
      const id = randomUUID();
      await db.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)', [id, checksum, name]);
      try {
        // One simple-protocol query: PostgreSQL runs the whole script in one implicit transaction.
        await db.query(sql.toString('utf8'));
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await db.query('UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2', [message, id]);
        throw new Error(`migration ${name} failed: ${message}`);
      }
      await db.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
      applied.push(name);
    }
    return applied;
  } finally {
    await db.end();
  }
}
