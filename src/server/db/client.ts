import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { getEnv } from '../env';
import { processSingleton } from '../singleton';
import { PrismaClient } from './generated/client';

function createClient(): PrismaClient {
  const url = getEnv().DATABASE_URL;
  // SQLite will not create missing folders, and a fresh checkout has no data/ yet.
  const file = url.replace(/^file:/, '');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

/** One client per process (kept across dev hot reloads). */
export function getDb(): PrismaClient {
  return processSingleton('db.client', createClient);
}

/** True when an error is a unique-constraint violation (Prisma P2002). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 'P2002';
}
