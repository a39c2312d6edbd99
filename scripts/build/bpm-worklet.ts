/**
 * Bundle the BPM AudioWorklet (src/worklets/bpm-processor.ts and the analysis core it imports)
 * into public/worklets/bpm-processor.js, a static file on the app's origin: a strict CSP allows
 * it as 'self', unlike a blob: or data: module. Runs before `next build` and `make dev`.
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

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  buildBpmWorklet().then(
    (file) => console.log(`bpm worklet: ${path.relative(root, file)}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
