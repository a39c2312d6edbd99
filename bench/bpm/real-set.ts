/**
 * The real-music set (LABELS.md, "Real set"): music from Debian packages (bench/bpm/real-sources.ts), rendered
 * and labelled from tempo data in the source, cut to short constant-tempo excerpts, cached under
 * .local/bench-bpm-real/<hash>. `npx tsx bench/bpm/real-set.ts --write` rewrites the committed
 * bench/bpm/real-set.json (sources, licences, label method, labels) from a build.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeWav, encodeWav } from '../../src/lib/wav';
import { readMidi, secondsAt, truncateMidi } from './midi-read';
import { FOLDS, SOUNDFONT, SOURCES, type Source } from './real-sources';
import { modDrums } from './mod-drums';
import { constantStretches, renderModule, rowsPerBeatInFile, timesOfRows } from './tracker-timeline';
import type { Stretch } from './set';

export const SAMPLE_RATE = 44_100;
const EXCERPT = 40;
const MIN_EXCERPT = 20;
const ROOT = path.resolve(__dirname, '..', '..');

export type RealPiece = {
  id: string;
  kind: 'steady' | 'intro';
  source: string;
  licence: string;
  method: string;
  sourceKind: Source['kind'];
  genres: string[];
  fold: number;
  /** Whether the excerpt has drums: MIDI channel 10 notes, recorded band; null where the source does not say (modules). */
  drums: boolean | null;
  /**
   * Seconds into the excerpt at which the drums enter: MIDI channel 10's first note; for ProTracker modules
   * the first row that triggers a percussion sample by mod-drums.ts's rule; null where the source does not
   * say (other modules, recorded songs, a module whose excerpt has no row the rule finds): then the beat
   * stretch's start. "No beat" counts from 5 s after it (LABELS.md).
   */
  drumsAt: number | null;
  duration: number;
  stretches: Stretch[];
  change: null;
  file: string;
};

/** LABELS.md: the beat a DJ counts lies in (60, 200]; a tracker/MIDI level outside it moves by octaves. */
export function foldLevel(bpm: number): number {
  let b = bpm;
  while (b > 200) b /= 2;
  while (b <= 60) b *= 2;
  return Math.round(b * 100) / 100;
}

function sourcesHash(): string {
  const h = createHash('sha256');
  for (const f of ['real-set.ts', 'real-sources.ts', 'midi-read.ts', 'tracker-timeline.ts', 'mod-drums.ts'])
    h.update(readFileSync(path.join(__dirname, f)));
  return h.digest('hex').slice(0, 12);
}

function writeMono(file: string, wav: string, from: number, seconds: number): number {
  const d = decodeWav(readFileSync(wav));
  const x = d.mono.subarray(Math.round(from * d.sampleRate), Math.round((from + seconds) * d.sampleRate));
  writeFileSync(file, encodeWav([x], d.sampleRate, 16));
  return x.length / d.sampleRate;
}

function moduleExcerpts(src: Source, file: string, dir: string, base: string): RealPiece[] {
  const raw = path.join(dir, `${base}.raw.wav`);
  const patterns = renderModule(file, raw, 240);
  const drumRows = modDrums(readFileSync(file));
  const drumTimes = drumRows ? timesOfRows(patterns, drumRows.rows) : [];
  const stretches = constantStretches(patterns).filter((s) => s.end - s.start >= MIN_EXCERPT && s.speed <= 31);
  const rpb = rowsPerBeatInFile(file) ?? 4;
  const out: RealPiece[] = [];
  for (const [k, s] of stretches.slice(0, 2).entries()) {
    const id = `${base}${stretches.length > 1 ? `-${k + 1}` : ''}`;
    const bpm = foldLevel(60 / (s.rowSeconds * rpb));
    const duration = writeMono(path.join(dir, `${id}.wav`), raw, s.start, Math.min(EXCERPT, s.end - s.start));
    // The clock has 0.1 s steps: a drum row up to one step before the cut is a drum at its start.
    const entry = drumTimes.find((t) => t >= s.start - 0.1 && t < s.start + duration);
    const drumsAt = entry === undefined ? null : Math.max(0, Math.round((entry - s.start) * 10) / 10);
    out.push(
      piece(
        src,
        id,
        `xmp: speed ${s.speed}, tempo ${s.tempo} from ${s.start.toFixed(1)} s, ${rpb} rows per beat${rowsPerBeatInFile(file) ? ' (IT highlight)' : ' (default)'}`,
        drumsAt === null ? null : true,
        duration,
        [{ start: 0, end: duration, bpm }],
        dir,
        drumsAt,
      ),
    );
  }
  rmSync(raw, { force: true });
  return out;
}

function midiExcerpt(src: Source, file: string, dir: string, base: string): RealPiece[] {
  const bytes = readFileSync(file);
  const m = readMidi(bytes);
  if (m.tempos.some((t) => t.usPerQuarter !== m.tempos[0]?.usPerQuarter && secondsAt(m, t.tick) < EXCERPT)) return [];
  const meter = m.meters[0];
  // 6/8, 9/8, 12/8: the dotted quarter is the beat (LABELS.md).
  const compound = meter && meter.denominator === 8 && meter.numerator % 3 === 0;
  const bpm = foldLevel((6e7 / (m.tempos[0]?.usPerQuarter ?? 500_000)) * (compound ? 2 / 3 : 1));
  const mid = path.join(dir, `${base}.mid`);
  const raw = path.join(dir, `${base}.raw.wav`);
  writeFileSync(mid, truncateMidi(bytes, m.ppq * Math.ceil((EXCERPT + 1) * (1e6 / (m.tempos[0]?.usPerQuarter ?? 5e5)))));
  execFileSync('fluidsynth', ['-ni', '-q', '-r', String(SAMPLE_RATE), '-g', '0.5', '-O', 's16', '-F', raw, SOUNDFONT, mid], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const duration = writeMono(path.join(dir, `${base}.wav`), raw, 0, EXCERPT);
  rmSync(raw);
  rmSync(mid);
  const firstDrum = m.drumTicks.length ? secondsAt(m, m.drumTicks[0] ?? 0) : Infinity;
  const drums = firstDrum < duration;
  // A drumless intro of more than 3 s is a no-beat stretch (LABELS.md), then the beat.
  const stretches: Stretch[] =
    firstDrum > 3 && drums
      ? [
          { start: 0, end: firstDrum, bpm: null },
          { start: firstDrum, end: duration, bpm },
        ]
      : [{ start: 0, end: duration, bpm: drums ? bpm : null }];
  return [
    piece(
      src,
      base,
      `MIDI tempo map: ${(6e7 / (m.tempos[0]?.usPerQuarter ?? 5e5)).toFixed(2)} per quarter, ${meter ? `${meter.numerator}/${meter.denominator}` : 'no meter (4/4)'}`,
      drums,
      duration,
      stretches,
      dir,
      drums ? Math.round(firstDrum * 10) / 10 : null,
    ),
  ];
}

function recordedExcerpt(src: Source, folder: string, dir: string, base: string): RealPiece[] {
  const m = readMidi(readFileSync(path.join(folder, 'notes.mid')));
  const from = 30;
  if (m.tempos.some((t) => t.usPerQuarter !== m.tempos[0]?.usPerQuarter && secondsAt(m, t.tick) < from + EXCERPT)) return [];
  const bpm = foldLevel(6e7 / (m.tempos[0]?.usPerQuarter ?? 500_000));
  const stems = readdirSync(folder).filter((f) => f.endsWith('.ogg'));
  const out = path.join(dir, `${base}.wav`);
  const inputs = stems.flatMap((f) => ['-ss', String(from), '-t', String(EXCERPT), '-i', path.join(folder, f)]);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    ...inputs,
    '-filter_complex',
    `amix=inputs=${stems.length}:normalize=0`,
    '-ac',
    '1',
    '-ar',
    String(SAMPLE_RATE),
    '-c:a',
    'pcm_s16le',
    out,
  ]);
  const duration = decodeWav(readFileSync(out)).mono.length / SAMPLE_RATE;
  return [
    piece(
      src,
      base,
      `Frets on Fire chart tempo map (notes.mid): ${(6e7 / (m.tempos[0]?.usPerQuarter ?? 5e5)).toFixed(2)}; stems ${stems.join('+')} from ${from} s`,
      true,
      duration,
      [{ start: 0, end: duration, bpm }],
      dir,
    ),
  ];
}

function piece(
  src: Source,
  id: string,
  method: string,
  drums: boolean | null,
  duration: number,
  stretches: Stretch[],
  dir: string,
  drumsAt: number | null = null,
): RealPiece {
  const kind = stretches[0]?.bpm === null && stretches.length > 1 ? 'intro' : 'steady';
  return {
    id,
    kind,
    source: src.package,
    licence: src.licence,
    method,
    sourceKind: src.kind,
    genres: [src.genre],
    fold: src.fold % FOLDS,
    drums,
    drumsAt,
    duration,
    stretches,
    change: null,
    file: path.join(dir, `${id}.wav`),
  };
}

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
      const made =
        src.kind === 'module'
          ? moduleExcerpts(src, file, dir, base)
          : src.kind === 'midi'
            ? midiExcerpt(src, file, dir, base)
            : recordedExcerpt(src, file, dir, base);
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
