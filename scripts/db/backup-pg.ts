// The PostgreSQL side of `npm run backup` / `npm run restore` (scripts/db/backup.ts): pg_dump's
// custom format (consistent while the station runs: one snapshot transaction), checked by
// reading its table of contents back with pg_restore --list before it is reported; restore
// replaces the schema's contents in one transaction. pg_dump and pg_restore come from the
// PostgreSQL client tools (postgresql-client), at least the server's major version.
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { backupName, restoreDecision } from './backup-plan';

function tool(name: 'pg_dump' | 'pg_restore', args: string[]): string {
  const run = spawnSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`${name} could not run (${run.error.message}): install the PostgreSQL client tools (docs/database.md)`);
  if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr.trim()}`);
  return run.stdout;
}

/** The tables a dump holds, from its table of contents (fails on a file that is not a custom-format dump). */
function dumpTables(file: string): string[] {
  return tool('pg_restore', ['--list', file])
    .split('\n')
    .map((line) => /^\d+; \d+ \d+ TABLE (?!DATA )\S+ (\S+) /.exec(line)?.[1])
    .filter((t): t is string => Boolean(t));
}

async function withClient<T>(url: string, fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

/** Tables in the database's current schema. */
const liveTables = (url: string) =>
  withClient(url, async (db) =>
    (await db.query<{ t: string }>('SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema()')).rows.map((r) => r.t),
  );

export function backupPostgres(url: string, out: string | undefined): void {
  const name = backupName(new Date(), '.dump');
  const target = out && !out.endsWith('.dump') ? path.join(out, name) : (out ?? path.join('data', 'backups', name));
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', `${target}.partial`, url]);
  const tables = dumpTables(`${target}.partial`);
  if (!tables.includes('channel')) throw new Error(`the dump holds no station tables (${tables.join(', ') || 'none'})`);
  renameSync(`${target}.partial`, target);
  console.log(`backed up ${new URL(url).pathname.slice(1)} -> ${target} (${tables.length} tables)`);
}

export async function restorePostgres(file: string, url: string, force: boolean): Promise<void> {
  let tables: string[];
  let integrity = 'ok';
  try {
    tables = dumpTables(file);
  } catch (err) {
    tables = [];
    integrity = err instanceof Error ? err.message : String(err);
  }
  const existing = await liveTables(url);
  const decision = restoreDecision({ targetExists: existing.length > 0, targetSize: existing.length, force, integrity, tables });
  if (!decision.ok) throw new Error(`not restored: ${decision.reason}`);
  // Tables a newer version added would survive a plain --clean and trip the next migration.
  await withClient(url, (db) => db.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public'));
  tool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', url, file]);
  console.log(`restored ${file} -> ${new URL(url).pathname.slice(1)} (${tables.length} tables); migrations run at the app's next start`);
}
