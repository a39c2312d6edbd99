/** Tracker, recorded and drum-machine pieces of the real set (LABELS.md, "Real set"); MIDI is in real-midi.ts. */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { decodeWav } from '../../src/lib/wav';
import { readHydrogenSong, renderHydrogen, repeatSequence } from './hydrogen';
import { readMidi, secondsAt } from './midi-read';
import { EXCERPT, MIN_EXCERPT, SAMPLE_RATE, foldLevel, piece, writeMono, type RealPiece } from './real-piece';
import type { Source } from './real-sources';
import { trackerDrums } from './tracker-drums';
import { constantStretches, renderModule, rowsPerBeatInFile, timesOfRows } from './tracker-timeline';

export function moduleExcerpts(src: Source, file: string, dir: string, base: string): RealPiece[] {
  const raw = path.join(dir, `${base}.raw.wav`);
  const patterns = renderModule(file, raw, 240);
  const drumRows = trackerDrums(readFileSync(file));
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
      piece(src, id, dir, {
        method: `xmp: speed ${s.speed}, tempo ${s.tempo} from ${s.start.toFixed(1)} s, ${rpb} rows per beat${rowsPerBeatInFile(file) ? ' (IT highlight)' : ' (default)'}`,
        drums: drumsAt === null ? null : true,
        duration,
        stretches: [{ start: 0, end: duration, bpm }],
        drumsAt,
      }),
    );
  }
  rmSync(raw, { force: true });
  return out;
}

export function recordedExcerpt(src: Source, folder: string, dir: string, base: string): RealPiece[] {
  const m = readMidi(readFileSync(path.join(folder, 'notes.mid')));
  const from = 30;
  if (m.tempos.some((t) => t.usPerQuarter !== m.tempos[0]?.usPerQuarter && secondsAt(m, t.tick) < from + EXCERPT)) return [];
  const bpm = foldLevel(6e7 / (m.tempos[0]?.usPerQuarter ?? 500_000));
  const stems = readdirSync(folder).filter((f) => f.endsWith('.ogg'));
  const out = path.join(dir, `${base}.wav`);
  const inputs = stems.flatMap((f) => ['-ss', String(from), '-t', String(EXCERPT), '-i', path.join(folder, f)]);
  const mix = `amix=inputs=${stems.length}:normalize=0`;
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    ...inputs,
    '-filter_complex',
    mix,
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
    piece(src, base, dir, {
      method: `Frets on Fire chart tempo map (notes.mid): ${(6e7 / (m.tempos[0]?.usPerQuarter ?? 5e5)).toFixed(2)}; stems ${stems.join('+')} from ${from} s`,
      drums: true,
      duration,
      stretches: [{ start: 0, end: duration, bpm }],
    }),
  ];
}

/**
 * A Hydrogen song: its own tempo, the quarter note as the beat (patterns in x/4 only), drums from the first
 * tick to one beat after the last note. A song with its loop on is played as Hydrogen plays it, the pattern
 * list again until 40 s are filled.
 */
export function hydrogenExcerpt(src: Source, file: string, dir: string, base: string): RealPiece[] {
  const xml = readFileSync(file, 'utf8');
  const song = readHydrogenSong(xml);
  if (song.tempoMarkers > 0 || song.denominators.some((d) => d !== 4)) return [];
  const beat = 60 / song.bpm;
  const passes = song.loop ? Math.max(1, Math.ceil(EXCERPT / (song.quarters * beat))) : 1;
  // The song stops one beat after its last note (a closing hit); the excerpt ends there or at 40 s.
  const seconds = Math.min(EXCERPT, ((passes - 1) * song.quarters + song.lastNote + 1) * beat);
  if (seconds < MIN_EXCERPT) return [];
  const raw = path.join(dir, `${base}.raw.wav`);
  renderHydrogen(repeatSequence(xml, passes), file, raw, SAMPLE_RATE);
  const duration = writeMono(path.join(dir, `${base}.wav`), raw, 0, seconds);
  rmSync(raw);
  return [
    piece(src, base, dir, {
      method: `Hydrogen song: ${song.bpm} BPM, ${song.quarters} quarters per pass${passes > 1 ? ` played ${passes} times (loop on)` : ''}, swing ${song.swing}`,
      drums: true,
      duration,
      stretches: [{ start: 0, end: duration, bpm: foldLevel(song.bpm) }],
      drumsAt: 0,
    }),
  ];
}
