/**
 * The real-music set (LABELS.md, "Real set"): music from Debian packages (bench/bpm/real-sources.ts), rendered
 * and labelled from tempo data in the source, cut to short constant-tempo excerpts, cached under
 * .local/bench-bpm-real/<hash>. `npx tsx bench/bpm/real-set.ts --write` rewrites the committed
 * bench/bpm/real-set.json (sources, licences, label method, labels) from a build.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hydrogenExcerpt, moduleExcerpts, recordedExcerpt } from './real-excerpts';
import { midiExcerpt, wadExcerpts } from './real-midi';
import type { RealPiece } from './real-piece';
import { SOURCES, type Source } from './real-sources';

export { foldLevel, type RealPiece } from './real-piece';

const ROOT = path.resolve(__dirname, '..', '..');
const HASHED = [
  'real-set.ts',
  'real-piece.ts',
  'real-excerpts.ts',
  'real-midi.ts',
  'real-sources.ts',
  'midi-read.ts',
  'tracker-timeline.ts',
  'tracker-notes.ts',
  'mod-read.ts',
  'tracker-drums.ts',
  'tracker-bytes.ts',
  'xm-read.ts',
  'it-read.ts',
  's3m-read.ts',
  'hydrogen.ts',
  'wad.ts',
];

function sourcesHash(): string {
  const h = createHash('sha256');
  for (const f of HASHED) h.update(readFileSync(path.join(__dirname, f)));
  return h.digest('hex').slice(0, 12);
}

const EXCERPTS: Record<Source['kind'], (src: Source, file: string, dir: string, base: string) => RealPiece[]> = {
  module: moduleExcerpts,
  midi: (src, file, dir, base) => midiExcerpt(src, readFileSync(file), dir, base),
  wad: wadExcerpts,
  hydrogen: hydrogenExcerpt,
  recorded: recordedExcerpt,
};

export function buildRealSet(log: (line: string) => void = () => undefined): RealPiece[] {
  const dir = path.join(ROOT, '.local', 'bench-bpm-real', sourcesHash());
  const index = path.join(dir, 'labels.json');
  if (existsSync(index)) return JSON.parse(readFileSync(index, 'utf8')) as RealPiece[];
  execFileSync('bash', [path.join(__dirname, 'real-set-install.sh')], { stdio: 'inherit' });
  mkdirSync(dir, { recursive: true });
  const pieces: RealPiece[] = [];
  for (const src of SOURCES) {
    for (const name of readdirSync(src.glob.dir)
      .filter((f) => src.glob.match.test(f))
      .sort()) {
      const file = path.join(src.glob.dir, name);
      const base =
        `${src.package.replace(/-(data|music-midi|songs-)/, '').replace(/^fretsonfire/, 'fof')}-${name.replace(/\.[a-z0-9]+$/i, '').replace(/[^A-Za-z0-9]+/g, '_')}`.toLowerCase();
      const made = EXCERPTS[src.kind](src, file, dir, base);
      log(`${base}: ${made.map((p) => p.stretches.map((s) => s.bpm ?? 'none').join('->')).join(', ') || 'skipped (no constant stretch)'}`);
      pieces.push(...made.filter((p) => p.stretches.some((s) => s.bpm !== null)));
    }
  }
  writeFileSync(index, JSON.stringify(pieces, null, 1));
  return pieces;
}

if (require.main === module && process.argv.includes('--write')) {
  const pieces = buildRealSet((l) => console.error(l));
  const committed = pieces.map(({ file: _f, ...rest }) => rest);
  writeFileSync(
    path.join(__dirname, 'real-set.json'),
    `${JSON.stringify({ sources: SOURCES.map((s) => ({ ...s, glob: `${s.glob.dir}/${s.glob.match.source}` })), pieces: committed }, null, 1)}\n`,
  );
}
