// The stack's database through the app's own generated clients, whichever DATABASE_URL the
// harness gave (SQLite file or a --postgres database), or another (a restored backup), for tests
// that must read or age rows the API does not expose. Typed as the SQLite client, as getDb() is (src/server/db/client.ts).
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/server/db/generated/client';
import { PrismaClient as PostgresClient } from '@/server/db/generated-pg/client';

export function stackDb(url = process.env.DATABASE_URL): PrismaClient {
  if (!url) throw new Error('DATABASE_URL is missing: run through scripts/with-stack.ts');
  if (/^postgres(ql)?:\/\//.test(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, options: '-c TimeZone=UTC' }) }) as unknown as PrismaClient;
  }
  // better-sqlite3 waits up to 5 s for the app's write locks (its default busy timeout).
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
