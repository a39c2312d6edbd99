// Entry of the app image's server (compiled to server.mjs by scripts/build/standalone.ts):
// server.ts, but inside Next's standalone output, which has no next.config.ts. Next reads
// the build's config from this variable instead, as its own standalone server.js does;
// it must be set before server.ts creates the Next app, hence the dynamic import.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const serverFiles = JSON.parse(readFileSync(path.join(dir, '.next', 'required-server-files.json'), 'utf8')) as { config: unknown };
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(serverFiles.config);
// (Next's types make NODE_ENV read-only.)
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? 'production' });
process.chdir(dir);
import('../../server').catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
