// --postgres for scripts/with-stack.ts: a fresh database on the machine's PostgreSQL server
// per stack (radio_stack_<offset>_<random>, so stacks side by side never share one), dropped
// at teardown. STACK_POSTGRES_URL names the server (default: 127.0.0.1:5432, trust auth).
import { testDatabases } from '../db/pg-test-db';
import { log } from './processes';

/** Creates the stack's database; returns its URL and a drop() for teardown. */
export async function createStackDatabase(offset: number): Promise<{ url: string; drop: () => Promise<void> }> {
  const databases = testDatabases(`radio_stack_${offset}`);
  // Ports are per offset, so no other live stack uses this prefix: what is there was left by a killed run.
  const stale = await databases.dropLeftovers().catch(() => []);
  if (stale.length) log(`dropped databases left by killed runs: ${stale.join(', ')}`);
  const url = await databases.create().catch((err: unknown) => {
    throw new Error(`--postgres: cannot create a database on the PostgreSQL server (${err instanceof Error ? err.message : String(err)})`);
  });
  log(`PostgreSQL database ${new URL(url).pathname.slice(1)}`);
  // Dropped WITH (FORCE): a test's leftover connection must not keep it alive.
  return { url, drop: () => databases.dropAll() };
}
