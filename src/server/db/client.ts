import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { getEnv } from '../env';
import { processSingleton } from '../singleton';
import { PrismaClient } from './generated/client';
import { PrismaClient as PostgresClient } from './generated-pg/client';

/** Which generated client serves a DATABASE_URL: SQLite for file:, PostgreSQL for postgres(ql)://. */
export function dbProvider(url: string = getEnv().DATABASE_URL): 'sqlite' | 'postgresql' {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite';
}

/** Operations sent, by `model.operation` (raw queries: `raw.<operation>`); one map per process, like the client. */
const operations = () => processSingleton('db.operations', () => new Map<string, number>());

/** What this process has asked of the database so far, for /metrics (radio_db_operations_total). */
export function dbOperationCounts(): ReadonlyMap<string, number> {
  return operations();
}

/** The client as the app uses it: an extended client has no `$on` (nor `$use`), so the type leaves them out. */
export type Db = Omit<PrismaClient, '$on' | '$use'>;

/**
 * Counts every operation on its way to the database. The extension only observes (it calls the
 * query unchanged), so the model API is the client's own and the cast below is sound.
 */
function counted(client: PrismaClient): Db {
  const counts = operations();
  return client.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        const key = `${model ?? 'raw'}.${operation}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return query(args);
      },
    },
  }) as unknown as Db;
}

function createClient(): Db {
  return counted(connect());
}

function connect(): PrismaClient {
  const url = getEnv().DATABASE_URL;
  if (dbProvider(url) === 'postgresql') {
    // Both clients come from one schema, so they have the same models and queries; the code uses
    // the SQLite client's type, the smaller API of the two (nothing PostgreSQL-only, such as
    // `mode: 'insensitive'`, type-checks, so nothing works on one database only).
    // UTC sessions: columns are `timestamp` without zone, and DEFAULT CURRENT_TIMESTAMP is taken
    // in the session's zone, which must not follow the server's locale.
    const adapter = new PrismaPg({ connectionString: url, options: '-c TimeZone=UTC' });
    return new PostgresClient({ adapter }) as unknown as PrismaClient;
  }
  // SQLite will not create missing folders, and a fresh checkout has no data/ yet.
  const file = url.replace(/^file:/, '');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

/** One client per process (kept across dev hot reloads). */
export function getDb(): Db {
  return processSingleton('db.client', createClient);
}

/** True when an error is a unique-constraint violation (Prisma P2002, the same code from both adapters). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 'P2002';
}
