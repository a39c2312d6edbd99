// --postgres for scripts/with-stack.ts: a fresh database on the machine's PostgreSQL server
// per stack (named from the port offset and a random suffix, so stacks side by side never
// share one), dropped at teardown. STACK_POSTGRES_URL names the server (default: local, trust auth).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { log } from './processes';

const ADMIN_URL = process.env.STACK_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function admin<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await db.connect();
  } catch (err) {
    throw new Error(`--postgres: cannot reach PostgreSQL at ${ADMIN_URL} (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

/** Creates radio_stack_<offset>_<random>; returns its URL and a drop() for teardown. */
export async function createStackDatabase(offset: number): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `radio_stack_${offset}_${randomBytes(4).toString('hex')}`;
  await admin((db) => db.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  log(`PostgreSQL database ${name}`);
  return {
    url: url.toString(),
    // WITH (FORCE): a test's leftover connection must not keep the database alive.
    drop: () => admin((db) => db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => log(`dropped database ${name}`)),
  };
}
