/**
 * The app image's file tree, after `next build` (npm run build runs this as postbuild): Next's
 * standalone output (.next/standalone: the server chunks and only the node_modules they were
 * traced to need) plus our own entry points compiled to plain ESM, so the image runs `node`
 * without tsx or any dev dependency:
 *   server.mjs                 server.ts (client address, body cap, HSTS) on the standalone build
 *   migrate.mjs                scripts/migrate.ts (prisma/migrations and migrations-postgresql, copied beside it)
 *   render-livekit-config.mjs  the compose `config` service (deploy/*.yaml, copied beside it)
 *   create-admin.mjs           the first admin from the command line
 *   backup.mjs                 scripts/db/backup.ts: `node backup.mjs backup|restore ...` (docs: deploy/README.md)
 * Everything they import is bundled in, except ENTRY_EXTERNALS, which the traced node_modules hold.
 */
import { build, type Metafile } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..', '..');

export const ENTRIES: Record<string, string> = {
  server: 'scripts/build/standalone-server.ts',
  migrate: 'scripts/migrate.ts',
  'render-livekit-config': 'scripts/render-livekit-config.ts',
  'create-admin': 'scripts/create-admin.ts',
  backup: 'scripts/db/backup.ts',
};

/** Left to node_modules: Next itself, and the native addons with their bindings (serverExternalPackages). */
export const ENTRY_EXTERNALS = ['next', 'next/*', 'better-sqlite3', '@prisma/adapter-better-sqlite3', '@livekit/rtc-node'];

/** Bundled CommonJS code calls require() and reads __dirname, which ESM lacks. */
const ESM_SHIMS = [
  "import { createRequire as __cr } from 'node:module';",
  "import { fileURLToPath as __fu } from 'node:url';",
  "import { dirname as __dn } from 'node:path';",
  'const require = __cr(import.meta.url);',
  'const __filename = __fu(import.meta.url);',
  'const __dirname = __dn(__filename);',
].join('\n');

/** Compiles ENTRIES into outDir as NAME.mjs; returns esbuild's metafile (what each output imports). */
export async function compileEntries(outDir: string): Promise<Metafile> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(root, file)])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // server-only modules refuse to load outside React's server environment; these are server code.
    conditions: ['react-server'],
    alias: { '@': path.join(root, 'src') },
    external: ENTRY_EXTERNALS,
    banner: { js: ESM_SHIMS },
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

/** Fills .next/standalone: compiled entries, static assets, migrations and config templates. */
export async function buildStandalone(): Promise<string> {
  const out = path.join(root, '.next', 'standalone');
  if (!existsSync(path.join(out, '.next', 'required-server-files.json'))) {
    throw new Error(".next/standalone is missing: next.config.ts must say output: 'standalone', and `next build` run first");
  }
  await compileEntries(out);
  const copy = (from: string, to = from) => {
    if (existsSync(path.join(root, from))) cpSync(path.join(root, from), path.join(out, to), { recursive: true });
  };
  copy('.next/static');
  copy('public');
  copy('prisma/migrations');
  copy('prisma/migrations-postgresql');
  mkdirSync(path.join(out, 'deploy'), { recursive: true });
  for (const f of readdirSync(path.join(root, 'deploy')).filter((f) => f.endsWith('.yaml'))) copy(`deploy/${f}`);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  buildStandalone().then(
    (dir) =>
      console.log(
        `standalone: ${path.relative(root, dir)} (server.mjs, migrate.mjs, render-livekit-config.mjs, create-admin.mjs, backup.mjs)`,
      ),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
