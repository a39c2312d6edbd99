// `npm run backup [-- --out FILE|DIR]`: a consistent copy of the station's SQLite database
// (PostgreSQL: pg_dump, scripts/db/backup-pg.ts)
// while the station runs (SQLite's online backup API through better-sqlite3, the driver
// under Prisma's adapter), checked with PRAGMA integrity_check before it is reported.
// `npm run restore -- FILE [--force]`: puts a copy back (stop the app first); the app
// applies any newer migrations at its next start. Decisions live in backup-plan.ts.
// The app image runs the same code compiled: `node backup.mjs backup|restore ...` (scripts/build/standalone.ts).
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvConfig } from '@next/env';
import Database from 'better-sqlite3';
import { backupName, databaseFile, restoreDecision, sidecars } from './backup-plan';
import { backupPostgres, restorePostgres } from './backup-pg';
import { isPostgresUrl } from './migrate-pg';

const COUNTED = ['channel', 'user', 'slot', 'broadcast'] as const;

function inspect(file: string): { integrity: string; tables: string[]; counts: string } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    const counts = COUNTED.filter((t) => tables.includes(t))
      .map((t) => `${(db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n} ${t}`)
      .join(', ');
    return { integrity, tables, counts };
  } finally {
    db.close();
  }
}

async function backup(source: string, out: string | undefined): Promise<void> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  const target =
    out && !out.endsWith('.db')
      ? path.join(out, backupName(new Date()))
      : (out ?? path.join(path.dirname(source), 'backups', backupName(new Date())));
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    // Page by page, between the app's writes; SQLite restarts the copy if a write lands mid-way.
    await db.backup(`${target}.partial`);
  } finally {
    db.close();
  }
  const { integrity, counts } = inspect(`${target}.partial`);
  if (integrity !== 'ok') throw new Error(`backup failed its integrity check: ${integrity}`);
  renameSync(`${target}.partial`, target);
  console.log(`backed up ${source} -> ${target} (${counts})`);
}

function restore(backupFile: string, target: string, force: boolean): void {
  const { integrity, tables, counts } = inspect(backupFile);
  const exists = existsSync(target);
  const decision = restoreDecision({ targetExists: exists, targetSize: exists ? statSync(target).size : 0, force, integrity, tables });
  if (!decision.ok) throw new Error(`not restored: ${decision.reason}`);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(backupFile, `${target}.restoring`);
  // A WAL left from the replaced database would be replayed onto the restored one.
  for (const f of sidecars(target)) rmSync(f, { force: true });
  renameSync(`${target}.restoring`, target);
  console.log(`restored ${backupFile} -> ${target} (${counts}); migrations run at the app's next start`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { out: { type: 'string' }, force: { type: 'boolean' } },
  });
  loadEnvConfig(process.cwd());
  const url = process.env.DATABASE_URL ?? 'file:./data/radio.db';
  const pg = isPostgresUrl(url);
  const file = pg ? '' : databaseFile(url, process.cwd());
  const force = values.force ?? false;
  if (command === 'backup') return pg ? backupPostgres(url, values.out) : backup(file, values.out);
  if (command === 'restore' && positionals[0]) {
    const from = path.resolve(positionals[0]);
    return pg ? restorePostgres(from, url, force) : restore(from, file, force);
  }
  throw new Error(
    'usage: npm run backup [-- --out FILE.db|FILE.dump|DIR]  |  npm run restore -- BACKUP.db|BACKUP.dump [--force]\n' +
      '  in the app image: node backup.mjs backup [--out FILE.db|DIR]  |  node backup.mjs restore BACKUP.db [--force]',
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
