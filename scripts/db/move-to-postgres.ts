// `npm run db:move-to-postgres -- --from file:./data/radio.db --to postgresql://user@host/radio`:
// the one-shot move of a station from SQLite to PostgreSQL. Stop the app first. It migrates the
// target (prisma/migrations-postgresql), refuses one that already holds rows, copies every table
// in foreign-key order in one transaction, moves the id sequences past the copied ids, and commits
// only when every table's row count matches the source's. The SQLite file is only read.
// Decisions live in move-plan.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { sqlitePath } from '../migrate';
import { applyPgMigrations, isPostgresUrl } from './migrate-pg';
import { type TableShape, shapeMismatch, tableOrder, targetDecision, toPostgres } from './move-plan';

const BOOKKEEPING = '_prisma_migrations';
/** PostgreSQL takes at most 65535 parameters per statement. */
const MAX_PARAMS = 60_000;

interface PgColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  column_default: string | null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function sqliteShape(db: Database.Database): TableShape[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != ?`)
    .pluck()
    .all(BOOKKEEPING) as string[];
  return tables.map((table) => ({
    table,
    columns: (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name),
  }));
}

async function pgCatalog(db: pg.Client) {
  const { rows: columns } = await db.query<PgColumn>(
    `SELECT table_name, column_name, data_type, column_default FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name != $1 ORDER BY table_name, ordinal_position`,
    [BOOKKEEPING],
  );
  const { rows: foreignKeys } = await db.query<{ child: string; parent: string }>(
    `SELECT tc.relname AS child, pc.relname AS parent FROM pg_constraint c
     JOIN pg_class tc ON tc.oid = c.conrelid JOIN pg_class pc ON pc.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = tc.relnamespace WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const shape = new Map<string, PgColumn[]>();
  for (const c of columns) shape.set(c.table_name, [...(shape.get(c.table_name) ?? []), c]);
  return { shape, foreignKeys };
}

async function counts(db: pg.Client, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await db.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(t)}`)).rows[0]?.n);
  return out;
}

async function copyTable(source: Database.Database, target: pg.Client, table: string, columns: PgColumn[]): Promise<number> {
  const names = columns.map((c) => c.column_name);
  const perBatch = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMS / names.length)));
  const select = source.prepare(`SELECT ${names.map(quote).join(', ')} FROM ${quote(table)}`).raw(true);
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((_, r) => `(${names.map((__, c) => `$${r * names.length + c + 1}`).join(', ')})`);
    const params = batch.flatMap((row) => row.map((v, c) => toPostgres(v, columns[c]?.data_type ?? '')));
    await target.query(`INSERT INTO ${quote(table)} (${names.map(quote).join(', ')}) VALUES ${values.join(', ')}`, params);
    copied += batch.length;
    batch = [];
  };
  for (const row of select.iterate() as IterableIterator<unknown[]>) {
    batch.push(row);
    if (batch.length >= perBatch) await flush();
  }
  await flush();
  // Serial ids: the next insert must not collide with a copied one.
  for (const c of columns.filter((col) => col.column_default?.startsWith('nextval('))) {
    await target.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(${quote(c.column_name)}), 1), MAX(${quote(c.column_name)}) IS NOT NULL) FROM ${quote(table)}`,
      [quote(table), c.column_name],
    );
  }
  return copied;
}

export async function moveToPostgres(fromUrl: string, toUrl: string, migrationsDir: string): Promise<Record<string, number>> {
  const file = sqlitePath(fromUrl);
  if (!existsSync(file)) throw new Error(`no SQLite database at ${file}`);
  if (!isPostgresUrl(toUrl)) throw new Error('--to must be a postgresql:// URL');
  await applyPgMigrations(toUrl, migrationsDir);
  const source = new Database(file, { readonly: true, fileMustExist: true });
  const target = new pg.Client({ connectionString: toUrl, options: '-c TimeZone=UTC' });
  await target.connect();
  try {
    const { shape, foreignKeys } = await pgCatalog(target);
    const mismatch = shapeMismatch(
      sqliteShape(source),
      [...shape].map(([table, cols]) => ({ table, columns: cols.map((c) => c.column_name) })),
    );
    if (mismatch)
      throw new Error(
        `the two schemas differ (${mismatch}): start this version of the app once on the SQLite database so it migrates, then move`,
      );
    const order = tableOrder([...shape.keys()], foreignKeys);
    const decision = targetDecision(await counts(target, order));
    if (!decision.ok) throw new Error(`not moved: ${decision.reason}`);
    // One read transaction on SQLite (a consistent snapshot) and one write transaction on PostgreSQL.
    source.exec('BEGIN');
    await target.query('BEGIN');
    const copied: Record<string, number> = {};
    for (const table of order) copied[table] = await copyTable(source, target, table, shape.get(table) ?? []);
    const expected = Object.fromEntries(
      order.map((t) => [
        t,
        (source
          .prepare(`SELECT COUNT(*) FROM ${quote(t)}`)
          .pluck()
          .get() as number) ?? 0,
      ]),
    );
    const landed = await counts(target, order);
    const wrong = order.filter((t) => landed[t] !== expected[t]);
    if (wrong.length) {
      await target.query('ROLLBACK');
      throw new Error(
        `row counts differ after the copy (${wrong.map((t) => `${t}: ${expected[t]} vs ${landed[t]}`).join(', ')}); nothing was kept`,
      );
    }
    await target.query('COMMIT');
    return copied;
  } catch (err) {
    await target.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    if (source.inTransaction) source.exec('ROLLBACK');
    source.close();
    await target.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  if (!values.from || !values.to) {
    throw new Error('usage: npm run db:move-to-postgres -- --from file:./data/radio.db --to postgresql://user@host:5432/radio');
  }
  const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'prisma', 'migrations-postgresql');
  const copied = await moveToPostgres(values.from, values.to, migrations);
  const total = Object.values(copied).reduce((a, b) => a + b, 0);
  console.log(
    `moved ${total} rows: ${Object.entries(copied)
      .map(([t, n]) => `${n} ${t}`)
      .join(', ')}`,
  );
  console.log('row counts match; point DATABASE_URL at the PostgreSQL URL and start the app');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(`db:move-to-postgres: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
