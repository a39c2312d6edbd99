// Pure decisions of `npm run backup` / `npm run restore` (scripts/db/backup.ts does the I/O).
import path from 'node:path';

/** The SQLite file behind a `file:` DATABASE_URL, resolved against `cwd` (as Prisma's adapter does). */
export function databaseFile(databaseUrl: string, cwd: string): string {
  if (!databaseUrl.startsWith('file:')) throw new Error('DATABASE_URL must be a SQLite file: URL');
  const file = databaseUrl.slice('file:'.length).split('?')[0] ?? '';
  if (!file || file === ':memory:') throw new Error('DATABASE_URL names no database file');
  return path.resolve(cwd, file);
}

/** radio-2026-12-03T07-55-01Z.db (.dump for PostgreSQL): sorts by time, no characters a shell or R2 key would mind. */
export function backupName(now: Date, extension: '.db' | '.dump' = '.db'): string {
  return `radio-${now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-')}${extension}`;
}

/** The files SQLite keeps beside a database in WAL mode: stale ones must not outlive a restore. */
export const sidecars = (file: string) => [`${file}-wal`, `${file}-shm`, `${file}-journal`];

export type RestoreDecision = { ok: true } | { ok: false; reason: string };

/** A restore replaces a database only when asked: the target may hold a station's only copy. */
export function restoreDecision(o: {
  targetExists: boolean;
  targetSize: number;
  force: boolean;
  integrity: string;
  tables: string[];
}): RestoreDecision {
  if (o.integrity !== 'ok') return { ok: false, reason: `the backup fails its integrity check: ${o.integrity}` };
  const needed = ['channel', 'user', 'slot', '_prisma_migrations'].filter((t) => !o.tables.includes(t));
  if (needed.length > 0) return { ok: false, reason: `the backup is not a station database (no ${needed.join(', ')} table)` };
  if (o.targetExists && o.targetSize > 0 && !o.force) {
    return { ok: false, reason: 'the target database exists: stop the app, then run again with --force to replace it' };
  }
  return { ok: true };
}
