// `make dev` serves a production build, reused until its sources change: every page answers at
// once on first visit (next dev compiled each page on its first visit, for 6-64 s on this
// machine). `make dev-hot` is the hot-reloading developer server.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What `next build` reads: the app's sources and every file that configures the build. */
const INPUT_DIRS = ['src', 'public', 'prisma', 'scripts/build'];
const INPUT_FILES = ['package-lock.json', 'next.config.ts', 'tsconfig.json', 'postcss.config.mjs', 'prisma.config.ts', 'server.ts'];
/** Outputs of the build's own steps that live among its inputs. */
const SKIPPED = new Set(['public/worklets', 'src/server/db/generated', 'src/server/db/generated-pg']);
const STAMP = '.next/radio-source-hash';

function listFiles(root: string, rel: string, out: string[]): void {
  const full = path.join(root, rel);
  if (SKIPPED.has(rel) || !existsSync(full)) return;
  if (!statSync(full).isDirectory()) {
    out.push(rel);
    return;
  }
  for (const name of readdirSync(full).sort()) listFiles(root, path.posix.join(rel, name), out);
}

/** A hash of every build input's path and content: any edit, addition or removal changes it. */
export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const rel of [...INPUT_DIRS, ...INPUT_FILES]) listFiles(root, rel, files);
  const hash = createHash('sha256');
  for (const rel of files)
    hash
      .update(rel)
      .update('\0')
      .update(readFileSync(path.join(root, rel)))
      .update('\0');
  return hash.digest('hex');
}

/** The build in .next was made from exactly these sources. */
export function buildIsCurrent(root: string, hash = sourceHash(root)): boolean {
  const stamp = path.join(root, STAMP);
  return existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash;
}

function npmRunBuild(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}`))));
  });
}

/** Builds when the sources changed since the last build (or there is none); says which it did. */
export async function ensureBuild(root: string, log: (line: string) => void): Promise<'reused' | 'built'> {
  const hash = sourceHash(root);
  if (buildIsCurrent(root, hash)) {
    log('production build is current: reusing .next');
    return 'reused';
  }
  log('sources changed since the last build (or none yet): npm run build (about 2 minutes)');
  await npmRunBuild(root); // its postbuild step stamps the build
  return 'built';
}

/** Records which sources .next was built from (npm's postbuild, after every `npm run build`). */
export function stampBuild(root: string): void {
  writeFileSync(path.join(root, STAMP), `${sourceHash(root)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--stamp') {
  stampBuild(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'));
}
