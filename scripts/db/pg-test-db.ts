// Throwaway PostgreSQL databases (tests of the database scripts, and each --postgres stack), on the server the harness
// uses (127.0.0.1:5432, or STACK_POSTGRES_URL). No server: the test fails, loudly.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.STACK_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string, params: string[] = []): Promise<string[]> {
  const db = new pg.Client({ connectionString: ADMIN_URL });
  await db.connect();
  try {
    return (await db.query<{ name?: string }>(sql, params)).rows.map((r) => r.name ?? '');
  } finally {
    await db.end();
  }
}

/** Creates databases named <prefix>_<random> and drops every one at dropAll(). */
export function testDatabases(prefix: string) {
  const names: string[] = [];
  return {
    async create(): Promise<string> {
      const name = `${prefix}_${randomBytes(4).toString('hex')}`;
      await admin(`CREATE DATABASE "${name}"`);
      names.push(name);
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async dropAll(): Promise<void> {
      for (const name of names.splice(0)) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
    /** Drops every <prefix>_* database, made by runs that were killed before their teardown. */
    async dropLeftovers(): Promise<string[]> {
      const pattern = `${prefix.replace(/_/g, '\\_')}\\_%`;
      const stale = await admin('SELECT datname AS name FROM pg_database WHERE datname LIKE $1', [pattern]);
      for (const name of stale) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return stale;
    },
  };
}
