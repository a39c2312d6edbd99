/** A piece of the real-music set (LABELS.md, "Real set") and what every source kind shares to make one. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeWav, encodeWav } from '../../src/lib/wav';
import { FOLDS, type Source } from './real-sources';
import type { Stretch } from './set';

export const SAMPLE_RATE = 44_100;
/** Longest excerpt, and the shortest constant-tempo stretch that gives one (seconds). */
export const EXCERPT = 40;
export const MIN_EXCERPT = 20;

export type RealPiece = {
  id: string;
  kind: 'steady' | 'intro';
  source: string;
  licence: string;
  method: string;
  sourceKind: Source['kind'];
  genres: string[];
  fold: number;
  /** Whether the excerpt has drums: MIDI channel 10 notes, drum-machine song, recorded band, a module's drum row; null where the source does not say. */
  drums: boolean | null;
  /**
   * Seconds into the excerpt at which the drums enter: MIDI channel 10's first note; for modules the first
   * row that triggers a percussion sample by tracker-drums.ts's rule (.mod since the sixth pass, .xm/.it/.s3m/.stm
   * since the sixteenth); null where the source does not say (recorded songs, a module whose excerpt has no row
   * the rule finds): then the beat stretch's start. "No beat" counts from 5 s after it (LABELS.md).
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

/** Writes `seconds` of `wav` from `from` as a mono 16-bit file; returns the seconds written. */
export function writeMono(file: string, wav: string, from: number, seconds: number): number {
  const d = decodeWav(readFileSync(wav));
  const x = d.mono.subarray(Math.round(from * d.sampleRate), Math.round((from + seconds) * d.sampleRate));
  writeFileSync(file, encodeWav([x], d.sampleRate, 16));
  return x.length / d.sampleRate;
}

export type PieceFacts = {
  method: string;
  drums: boolean | null;
  duration: number;
  stretches: Stretch[];
  drumsAt?: number | null;
};

export function piece(src: Source, id: string, dir: string, facts: PieceFacts): RealPiece {
  const { method, drums, duration, stretches, drumsAt = null } = facts;
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
