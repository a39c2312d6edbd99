/**
 * The labelled set (see LABELS.md): pieces composed here, rendered with fluidsynth and Debian's
 * FluidR3 General MIDI soundfont, then post-processed. Cached under .local/bench-bpm/<hash of the
 * generator sources>, so any change to the generator rebuilds it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeWav, encodeWav } from '../../src/lib/wav';
import { compose, meterOf, pick, seeded, TEMPO_RANGES, uniform, type Genre, type Part, type Rng } from './compose';
import { writeMidi } from './midi';
import { applyProcessing, planProcessing, type Processing } from './process';

export const SOUNDFONT = '/usr/share/sounds/sf2/FluidR3_GM.sf2';
export const SAMPLE_RATE = 44_100;
const ROOT = path.resolve(__dirname, '..', '..');

export type Stretch = { start: number; end: number; bpm: number | null };
export type Piece = {
  id: string;
  seed: number;
  split: 'dev' | 'heldout';
  kind: Kind;
  genres: Genre[];
  duration: number;
  stretches: Stretch[];
  /** Transitions: the labelled change time (middle of the crossfade). */
  change: number | null;
  processing: Processing;
  file: string;
};

type Kind = 'steady' | 'intro' | 'breakdown' | 'transition';

/** Pieces per split for each kind/genre: small enough that every method runs in a few minutes. */
const PLAN: { kind: Kind; genres: Genre[]; count: number }[] = [
  { kind: 'steady', genres: ['house'], count: 3 },
  { kind: 'steady', genres: ['techno'], count: 2 },
  { kind: 'steady', genres: ['trance'], count: 3 },
  { kind: 'steady', genres: ['dnb'], count: 3 },
  { kind: 'steady', genres: ['hiphop'], count: 3 },
  { kind: 'steady', genres: ['halftime'], count: 2 },
  { kind: 'steady', genres: ['waltz'], count: 2 },
  { kind: 'steady', genres: ['six8'], count: 2 },
  { kind: 'intro', genres: ['downtempo', 'house', 'trance'], count: 2 },
  { kind: 'breakdown', genres: ['house', 'trance', 'techno'], count: 2 },
  { kind: 'transition', genres: ['house', 'techno', 'trance', 'hiphop', 'dnb', 'downtempo'], count: 4 },
];

const STEADY_SECONDS = 30;
const ALL: Part = { drums: true, bass: true, chords: true, pad: true };

function sourcesHash(): string {
  const h = createHash('sha256');
  for (const f of ['set.ts', 'compose.ts', 'midi.ts', 'process.ts']) h.update(readFileSync(path.join(__dirname, f)));
  h.update(readFileSync(SOUNDFONT).subarray(0, 1 << 16));
  return h.digest('hex').slice(0, 12);
}

function render(
  dir: string,
  name: string,
  genre: Genre,
  bpm: number,
  seconds: number,
  rng: Rng,
  parts: (bar: number, barSeconds: number) => Part,
): Float32Array {
  const { quartersPerBeat, beatsPerBar, meter } = meterOf(genre);
  const barSeconds = (60 / bpm) * beatsPerBar;
  const bars = Math.ceil(seconds / barSeconds) + 1;
  const { notes, instruments } = compose(genre, rng, bars, (b) => parts(b, barSeconds));
  const mid = path.join(dir, `${name}.mid`);
  const wav = path.join(dir, `${name}.raw.wav`);
  writeFileSync(
    mid,
    writeMidi({
      tempos: [{ tick: 0, bpm: bpm * quartersPerBeat }],
      meter,
      programs: { 1: instruments.bass, 2: instruments.chords, 3: instruments.pad },
      notes,
    }),
  );
  execFileSync('fluidsynth', ['-ni', '-q', '-r', String(SAMPLE_RATE), '-g', '0.5', '-O', 's16', '-F', wav, SOUNDFONT, mid], {
    stdio: 'ignore',
  });
  const decoded = decodeWav(readFileSync(wav));
  rmSync(wav);
  return decoded.mono.subarray(0, Math.round(seconds * SAMPLE_RATE));
}

const tempoOf = (genre: Genre, rng: Rng) => {
  const [lo, hi] = TEMPO_RANGES[genre];
  return Math.round(uniform(rng, lo, hi) * 10) / 10;
};

/** A DJ mix: A for ~20 s, crossfade (0.5-6 s) into B at another tempo. */
function buildMix(
  dir: string,
  id: string,
  genre: Genre,
  genres: Genre[],
  rng: Rng,
): { audio: Float32Array; stretches: Stretch[]; change: number; used: Genre[] } {
  const other = pick(
    rng,
    genres.filter((g) => g !== genre),
  );
  const t1 = tempoOf(genre, rng);
  let t2 = tempoOf(other, rng);
  if (Math.abs(t2 / t1 - 1) < 0.05) t2 = Math.round(t1 * 1.08 * 10) / 10;
  const fade = pick(rng, [0.5, 3, 6]);
  const aLen = 20;
  const a = render(dir, `${id}-a`, genre, t1, aLen + fade / 2, rng, () => ALL);
  const b = render(dir, `${id}-b`, other, t2, 20, rng, () => ALL);
  const start = aLen - fade / 2;
  const total = start + 20;
  const audio = new Float32Array(Math.round(total * SAMPLE_RATE));
  const s0 = Math.round(start * SAMPLE_RATE);
  const fadeN = Math.max(1, Math.round(fade * SAMPLE_RATE));
  for (let i = 0; i < a.length && i < audio.length; i++) {
    const into = i - s0;
    audio[i] = (a[i] ?? 0) * (into < 0 ? 1 : Math.max(0, Math.cos(((Math.PI / 2) * into) / fadeN)));
  }
  for (let i = 0; i < b.length && s0 + i < audio.length; i++) {
    const g = i < fadeN ? Math.sin(((Math.PI / 2) * i) / fadeN) : 1;
    audio[s0 + i] = (audio[s0 + i] ?? 0) + (b[i] ?? 0) * g;
  }
  const stretches: Stretch[] = [
    { start: 0, end: aLen, bpm: t1 },
    { start: aLen, end: total, bpm: t2 },
  ];
  return { audio, stretches, change: aLen, used: [genre, other] };
}

function buildPiece(dir: string, kind: Kind, genres: Genre[], seed: number, split: Piece['split']): Piece {
  const rng = seeded(seed);
  const genre = pick(rng, genres);
  const id = `${String(seed).padStart(3, '0')}-${kind}-${genre}`;
  let audio: Float32Array;
  let stretches: Stretch[];
  let change: number | null = null;
  let used: Genre[] = [genre];
  if (kind === 'steady') {
    const bpm = tempoOf(genre, rng);
    audio = render(dir, id, genre, bpm, STEADY_SECONDS, rng, () => ALL);
    stretches = [{ start: 0, end: STEADY_SECONDS, bpm }];
  } else if (kind === 'intro') {
    const bpm = tempoOf(genre, rng);
    const introBars = genre === 'downtempo' ? 4 : 6;
    let drumsAt = 0;
    audio = render(dir, id, genre, bpm, STEADY_SECONDS + 4, rng, (b, barSeconds) => {
      drumsAt = introBars * barSeconds;
      return b < introBars ? { drums: false, bass: false, chords: false, pad: true } : ALL;
    });
    stretches = [
      { start: 0, end: drumsAt, bpm: null },
      { start: drumsAt, end: STEADY_SECONDS + 4, bpm },
    ];
  } else if (kind === 'breakdown') {
    const bpm = tempoOf(genre, rng);
    const bars = [8, 12];
    let barLen = 0;
    audio = render(dir, id, genre, bpm, 36, rng, (b, barSeconds) => {
      barLen = barSeconds;
      return b >= (bars[0] ?? 0) && b < (bars[1] ?? 0) ? { drums: false, bass: false, chords: false, pad: true } : ALL;
    });
    const a = (bars[0] ?? 0) * barLen;
    const z = (bars[1] ?? 0) * barLen;
    stretches = [
      { start: 0, end: a, bpm },
      { start: a, end: z, bpm: null },
      { start: z, end: 36, bpm },
    ];
  } else {
    ({ audio, stretches, change, used } = buildMix(dir, id, genre, genres, rng));
  }
  const processing = planProcessing(rng);
  const processed = applyProcessing(audio, SAMPLE_RATE, processing, rng);
  const file = path.join(dir, `${id}.wav`);
  writeFileSync(file, encodeWav([processed], SAMPLE_RATE, 16));
  for (const f of [`${id}.mid`, `${id}-a.mid`, `${id}-b.mid`]) rmSync(path.join(dir, f), { force: true });
  return { id, seed, split, kind, genres: used, duration: processed.length / SAMPLE_RATE, stretches, change, processing, file };
}

export function requireTools(): void {
  const missing: string[] = [];
  try {
    execFileSync('fluidsynth', ['--version'], { stdio: 'ignore' });
  } catch {
    missing.push('fluidsynth');
  }
  if (!existsSync(SOUNDFONT)) missing.push('fluid-soundfont-gm');
  if (missing.length === 0) return;
  if (process.getuid?.() === 0) {
    console.error(`bench:bpm: installing ${missing.join(' ')} (Debian)`);
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    throw new Error(`missing Debian packages: ${missing.join(' ')} (apt-get install ${missing.join(' ')})`);
  }
}

/** Build (or reuse) the set; returns every piece of both splits. */
export function buildSet(log: (line: string) => void = () => undefined): Piece[] {
  requireTools();
  const dir = path.join(ROOT, '.local', 'bench-bpm', sourcesHash());
  const index = path.join(dir, 'labels.json');
  if (existsSync(index)) return JSON.parse(readFileSync(index, 'utf8')) as Piece[];
  mkdirSync(dir, { recursive: true });
  const pieces: Piece[] = [];
  let seed = 0;
  for (const { kind, genres, count } of PLAN) {
    for (let i = 0; i < count * 2; i++, seed++) {
      const split = seed % 2 === 0 ? 'dev' : 'heldout';
      const piece = buildPiece(dir, kind, genres, seed, split);
      log(`rendered ${piece.id} (${split})`);
      pieces.push(piece);
    }
  }
  writeFileSync(index, JSON.stringify(pieces, null, 1));
  return pieces;
}
