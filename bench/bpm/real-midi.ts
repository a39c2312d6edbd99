/** MIDI pieces of the real set (LABELS.md, "Real set"): standalone files and the music lumps of a Doom WAD. */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readMidi, secondsAt, truncateMidi, type MidiFacts } from './midi-read';
import { EXCERPT, MIN_EXCERPT, SAMPLE_RATE, foldLevel, piece, writeMono, type RealPiece } from './real-piece';
import { SOUNDFONT, type Source } from './real-sources';
import type { Stretch } from './set';
import { wadMusic } from './wad';

/** The event in force at the start: files often set a tempo or meter twice at tick 0, and the last one holds. */
function atStart<T extends { tick: number }>(events: T[]): T | undefined {
  return events.filter((e) => e.tick === 0).pop() ?? events[0];
}

export type MidiLabel = {
  /** Quarter notes per minute at the start. */
  quarterBpm: number;
  /** The beat a DJ counts (the dotted quarter in 6/8, 9/8, 12/8), moved by octaves into (60, 200]. */
  bpm: number;
  meter: string;
  /** Seconds of the excerpt: up to 40, until the tempo first changes or the file ends; under 20 the file gives no piece. */
  length: number;
};

/**
 * Doom's MUS music converted by mus2mid (Chocolate Doom's, as Freedoom's build does) keeps MUS's 140 Hz clock:
 * 89 ticks per quarter at 631,578 us per quarter ("95 BPM") whatever the music, so its tempo map is no label.
 */
export function isMusClock(m: Pick<MidiFacts, 'ppq' | 'tempos'>): boolean {
  return m.ppq === 89 && m.tempos.every((t) => t.usPerQuarter === 631_578);
}

/** LABELS.md, "Real set", MIDI: the label from the tempo map and meter in force at the start. */
export function midiLabel(m: MidiFacts): MidiLabel {
  const usPerQuarter = atStart(m.tempos)?.usPerQuarter ?? 500_000;
  const change = m.tempos.find((t) => t.tick > 0 && t.usPerQuarter !== usPerQuarter);
  const meter = atStart(m.meters);
  const compound = meter !== undefined && meter.denominator === 8 && meter.numerator % 3 === 0;
  const quarterBpm = 6e7 / usPerQuarter;
  return {
    quarterBpm,
    bpm: foldLevel(quarterBpm * (compound ? 2 / 3 : 1)),
    meter: meter ? `${meter.numerator}/${meter.denominator}` : 'no meter (4/4)',
    length: Math.min(EXCERPT, secondsAt(m, change ? change.tick : m.endTick)),
  };
}

/** Shortest beat after a drumless start: twice the 5 s within which a piece with drums must show a beat. */
export const MIN_BEAT = 10;

/**
 * The excerpt's stretches from its drum notes (seconds): a cymbal swell or a lone hit is not a beat, so drums
 * need a note per bar of four quarters on average from the first; a drumless start over 3 s is a no-beat
 * stretch. Null when the drums enter less than MIN_BEAT before the end: too little beat to score.
 */
export function midiStretches(
  drumTimes: number[],
  duration: number,
  label: MidiLabel,
): { drumsAt: number | null; stretches: Stretch[] } | null {
  const inside = drumTimes.filter((t) => t < duration);
  const firstDrum = inside[0] ?? Infinity;
  const drums = inside.length > 0 && inside.length >= ((duration - firstDrum) * label.quarterBpm) / 60 / 4;
  if (!drums) return { drumsAt: null, stretches: [{ start: 0, end: duration, bpm: null }] };
  const drumsAt = Math.round(firstDrum * 10) / 10;
  if (duration - firstDrum < MIN_BEAT) return null;
  if (firstDrum <= 3) return { drumsAt, stretches: [{ start: 0, end: duration, bpm: label.bpm }] };
  return {
    drumsAt,
    stretches: [
      { start: 0, end: firstDrum, bpm: null },
      { start: firstDrum, end: duration, bpm: label.bpm },
    ],
  };
}

export function midiExcerpt(src: Source, bytes: Uint8Array, dir: string, base: string): RealPiece[] {
  const m = readMidi(bytes);
  const label = midiLabel(m);
  if (label.length < MIN_EXCERPT || isMusClock(m)) return [];
  // Decided from the file before rendering: writeMono cuts exactly this many samples.
  const duration = Math.round(label.length * SAMPLE_RATE) / SAMPLE_RATE;
  const made = midiStretches(
    m.drumTicks.map((t) => secondsAt(m, t)),
    duration,
    label,
  );
  if (!made) return [];
  const mid = path.join(dir, `${base}.mid`);
  const raw = path.join(dir, `${base}.raw.wav`);
  writeFileSync(mid, truncateMidi(bytes, m.ppq * Math.ceil(((EXCERPT + 1) * label.quarterBpm) / 60)));
  execFileSync('fluidsynth', ['-ni', '-q', '-r', String(SAMPLE_RATE), '-g', '0.5', '-O', 's16', '-F', raw, SOUNDFONT, mid], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const written = writeMono(path.join(dir, `${base}.wav`), raw, 0, label.length);
  rmSync(raw);
  rmSync(mid);
  if (written !== duration) throw new Error(`${base}: fluidsynth rendered ${written} s, not ${duration} s`);
  const { drumsAt, stretches } = made;
  const constant = label.length < EXCERPT ? `, constant for ${label.length.toFixed(1)} s` : '';
  return [
    piece(src, base, dir, {
      method: `MIDI tempo map: ${label.quarterBpm.toFixed(2)} per quarter, ${label.meter}${constant}`,
      drums: drumsAt !== null,
      duration,
      stretches,
      drumsAt,
    }),
  ];
}

/** Each music lump of a WAD is a MIDI piece, named after the lump. */
export function wadExcerpts(src: Source, file: string, dir: string, base: string): RealPiece[] {
  return wadMusic(readFileSync(file)).flatMap((lump) =>
    midiExcerpt(
      src,
      lump.bytes,
      dir,
      `${base}-${lump.name
        .slice(2)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')}`,
    ),
  );
}
