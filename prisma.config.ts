import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// The CLI talks to SQLite through the same JS driver adapter as the app, so no
// native schema engine has to be downloaded.
const databaseUrl = process.env.DATABASE_URL ?? 'file:./data/radio.db';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  adapter: async () => {
    // SQLite does not create folders; a fresh checkout has no data/ yet.
    fs.mkdirSync(path.dirname(path.resolve(databaseUrl.replace(/^file:/, ''))), { recursive: true });
    return new PrismaBetterSQLite3({ url: databaseUrl });
  },
});
