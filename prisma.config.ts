import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

// The CLI talks to the database through the same JS driver adapter as the app, so no
// native schema engine has to be downloaded. DATABASE_URL's scheme picks the provider, as
// getDb() does: file: is SQLite (prisma/), postgres(ql):// is PostgreSQL (prisma/postgresql/,
// generated from prisma/schema.prisma by scripts/db/pg-schema.ts, and its own migrations).
const databaseUrl = process.env.DATABASE_URL ?? 'file:./data/radio.db';
const postgres = /^postgres(ql)?:\/\//.test(databaseUrl);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: postgres ? path.join('prisma', 'postgresql', 'schema.prisma') : path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', postgres ? 'migrations-postgresql' : 'migrations') },
  adapter: async () => {
    // allowExitOnIdle: an idle pooled connection must not hold the CLI open for the pool's 10 s idle timeout.
    if (postgres) return new PrismaPg({ connectionString: databaseUrl, options: '-c TimeZone=UTC', allowExitOnIdle: true });
    // SQLite does not create folders; a fresh checkout has no data/ yet.
    fs.mkdirSync(path.dirname(path.resolve(databaseUrl.replace(/^file:/, ''))), { recursive: true });
    return new PrismaBetterSQLite3({ url: databaseUrl });
  },
});
