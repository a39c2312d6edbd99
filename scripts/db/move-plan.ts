// Pure decisions of `npm run db:move-to-postgres` (scripts/db/move-to-postgres.ts does the I/O).

/** A table's columns on each side, by name. */
export interface TableShape {
  table: string;
  columns: string[];
}

/** Tables so that every table comes after the ones its foreign keys point to (self-references ignored). */
export function tableOrder(tables: string[], foreignKeys: { child: string; parent: string }[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of foreignKeys) if (child !== parent) parents.get(child)?.add(parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${tables.filter((t) => !placed.has(t)).join(', ')}`);
    for (const t of ready.sort()) {
      order.push(t);
      placed.add(t);
    }
  }
  return order;
}

/** Why the two databases cannot be matched table for table and column for column, or null when they can. */
export function shapeMismatch(sqlite: TableShape[], postgres: TableShape[]): string | null {
  const pg = new Map(postgres.map((t) => [t.table, new Set(t.columns)]));
  const lite = new Map(sqlite.map((t) => [t.table, new Set(t.columns)]));
  const problems: string[] = [];
  for (const [table, columns] of lite) {
    const other = pg.get(table);
    if (!other) problems.push(`table ${table} is not in PostgreSQL`);
    else for (const c of columns) if (!other.has(c)) problems.push(`${table}.${c} is not in PostgreSQL`);
  }
  for (const [table, columns] of pg) {
    const other = lite.get(table);
    if (!other) problems.push(`table ${table} is not in SQLite`);
    else for (const c of columns) if (!other.has(c)) problems.push(`${table}.${c} is not in SQLite`);
  }
  return problems.length ? problems.join('; ') : null;
}

/** The move goes only into an empty database: merging two stations' rows is not a move. */
export function targetDecision(counts: Record<string, number>): { ok: true } | { ok: false; reason: string } {
  const filled = Object.entries(counts).filter(([, n]) => n > 0);
  if (filled.length === 0) return { ok: true };
  return {
    ok: false,
    reason: `the target already holds rows (${filled.map(([t, n]) => `${n} ${t}`).join(', ')}); move into an empty database`,
  };
}

/** `YYYY-MM-DD HH:MM:SS(.sss)` without a zone, as SQLite's CURRENT_TIMESTAMP writes it (always UTC). */
const SQLITE_UTC = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/;

/**
 * A SQLite value as PostgreSQL's column type wants it. Timestamps become UTC text without a zone
 * (the columns are `timestamp`, and a JS Date would be sent in the client's local zone).
 */
export function toPostgres(value: unknown, pgType: string): unknown {
  if (value === null || value === undefined) return null;
  if (pgType === 'boolean') return value === 1 || value === 1n || value === true || value === 'true';
  if (pgType.startsWith('timestamp')) {
    const date =
      typeof value === 'number' || typeof value === 'bigint'
        ? new Date(Number(value))
        : new Date(SQLITE_UTC.test(String(value)) ? `${String(value).replace(' ', 'T')}Z` : String(value));
    if (Number.isNaN(date.getTime())) throw new Error(`not a timestamp: ${String(value)}`);
    return date.toISOString().replace('T', ' ').replace('Z', '');
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}
