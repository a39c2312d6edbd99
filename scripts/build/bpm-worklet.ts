/**
 * Bundle the AudioWorklets (src/worklets/bpm-processor.ts and level-processor.ts with the cores
 * they import) into public/worklets/*.js, static files on the app's origin: a strict CSP allows
 * them as 'self', unlike a blob: or data: module. Runs before `next build` and `make dev`.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..', '..');

/** Defaults to the served file; the CPU benchmark bundles the same way into .local (also older versions). */
export async function buildBpmWorklet(
  outfile = path.join(root, 'public', 'worklets', 'bpm-processor.js'),
  entry = path.join(root, 'src', 'worklets', 'bpm-processor.ts'),
): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

/** The console's program bus (trim, leveller, limiter, meters). */
export function buildLevelWorklet(outfile = path.join(root, 'public', 'worklets', 'level-processor.js')): Promise<string> {
  return buildBpmWorklet(outfile, path.join(root, 'src', 'worklets', 'level-processor.ts'));
}

/** Every worklet the app serves. */
export function buildWorklets(): Promise<string[]> {
  return Promise.all([buildBpmWorklet(), buildLevelWorklet()]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  buildWorklets().then(
    (files) => console.log(`worklets: ${files.map((f) => path.relative(root, f)).join(', ')}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
