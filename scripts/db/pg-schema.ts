// prisma/schema.prisma is the one schema source; the PostgreSQL variant beside it
// (prisma/postgresql/schema.prisma) is derived from it here, so the two cannot drift:
// only the datasource provider and the generated client's folder differ.
//
//   tsx scripts/db/pg-schema.ts          (npm run db:generate runs it; pg-schema.test.ts checks the checked-in file)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SOURCE = path.join(root, 'prisma', 'schema.prisma');
export const PG_SCHEMA = path.join(root, 'prisma', 'postgresql', 'schema.prisma');

const HEADER = '// GENERATED from prisma/schema.prisma by scripts/db/pg-schema.ts: edit that file, then `npm run db:generate`.\n';

/** Replaces exactly one occurrence, or fails loudly: a silent miss would generate a SQLite schema under the wrong name. */
function replaceOnce(text: string, from: RegExp, to: string): string {
  const hits = text.match(new RegExp(from.source, 'g'))?.length ?? 0;
  if (hits !== 1) throw new Error(`pg-schema: expected one match of ${from.source} in prisma/schema.prisma, found ${hits}`);
  return text.replace(from, to);
}

/** The PostgreSQL variant of the SQLite schema text. */
export function postgresSchema(sqlite: string): string {
  let text = replaceOnce(sqlite, /provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  // The adapter supplies the connection; the URL here only has to be valid for the provider.
  text = replaceOnce(text, /url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/unused"');
  // One folder deeper than the source, and its own client (both are bundled; getDb picks one).
  text = replaceOnce(text, /output\s*=\s*"\.\.\/src\/server\/db\/generated"/, 'output     = "../../src/server/db/generated-pg"');
  return HEADER + text;
}

export function writePgSchema(): boolean {
  const next = postgresSchema(readFileSync(SOURCE, 'utf8'));
  let current = '';
  try {
    current = readFileSync(PG_SCHEMA, 'utf8');
  } catch {
    // not written yet
  }
  if (current === next) return false;
  writeFileSync(PG_SCHEMA, next);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(writePgSchema() ? `pg-schema: wrote ${path.relative(root, PG_SCHEMA)}` : 'pg-schema: up to date');
}
