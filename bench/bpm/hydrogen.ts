/**
 * Hydrogen drum-machine songs (.h2song, Debian hydrogen-data): the tempo and pattern list the song file
 * states, and a render with h2cli (LABELS.md, "Real set"). Hydrogen counts 48 ticks per quarter note.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { decodeWav } from '../../src/lib/wav';

const TICKS_PER_QUARTER = 48;

export type HydrogenSong = {
  bpm: number;
  swing: number;
  loop: boolean;
  /** Quarter notes per pass of the song: each group of the pattern sequence lasts as long as its longest pattern. */
  quarters: number;
  /** Quarter notes from the start of a pass to its last note (a song's closing hit). */
  lastNote: number;
  /** Denominators of the patterns' meters (4 = quarter-note beats). */
  denominators: number[];
  tempoMarkers: number;
};

const first = (xml: string, tag: string): string | undefined => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
const all = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '');

export function readHydrogenSong(xml: string): HydrogenSong {
  const bpm = Number(first(xml, 'bpm'));
  if (!(bpm > 0)) throw new Error('no <bpm> in the song');
  const patterns = new Map<string, { size: number; last: number }>();
  const denominators: number[] = [];
  for (const p of all(all(xml, 'patternList')[0] ?? '', 'pattern')) {
    const positions = all(p, 'position').map(Number);
    patterns.set(first(p, 'name') ?? '', { size: Number(first(p, 'size')), last: Math.max(-1, ...positions) });
    denominators.push(Number(first(p, 'denominator') ?? 4));
  }
  let ticks = 0;
  let lastTick = 0;
  for (const g of all(all(xml, 'patternSequence')[0] ?? '', 'group')) {
    const inGroup = all(g, 'patternID').map((id) => patterns.get(id) ?? { size: 0, last: -1 });
    const last = Math.max(-1, ...inGroup.map((p) => p.last));
    if (last >= 0) lastTick = ticks + last;
    ticks += Math.max(0, ...inGroup.map((p) => p.size));
  }
  return {
    bpm,
    swing: Number(first(xml, 'swing_factor') ?? 0),
    loop: first(xml, 'loopEnabled') === 'true',
    quarters: ticks / TICKS_PER_QUARTER,
    lastNote: lastTick / TICKS_PER_QUARTER,
    denominators: [...new Set(denominators)],
    tempoMarkers: all(xml, 'tempoMarker').length,
  };
}

/** The song's pattern sequence played `passes` times, as Hydrogen plays a song with its loop on. */
export function repeatSequence(xml: string, passes: number): string {
  return xml.replace(
    /<patternSequence>([\s\S]*?)<\/patternSequence>/,
    (_, body: string) => `<patternSequence>${body.repeat(passes)}</patternSequence>`,
  );
}

/** Renders `xml` (a song from `songFile`'s folder) to a 16-bit WAV with h2cli; JACK and ALSA are absent, so it exports offline. */
export function renderHydrogen(xml: string, songFile: string, wav: string, sampleRate: number): void {
  const copy = `${wav}.h2song`;
  writeFileSync(copy, xml);
  try {
    execFileSync('h2cli', ['-s', copy, '-o', wav, '-r', String(sampleRate), '-b', '16'], { stdio: 'ignore', timeout: 300_000 });
  } finally {
    rmSync(copy, { force: true });
  }
  // A kit it cannot load plays as silence (Hydrogen 1.2 reads some older songs' kits that way): say so.
  const peak = decodeWav(readFileSync(wav)).mono.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  if (peak < 1e-3) throw new Error(`h2cli rendered silence for ${songFile}`);
}
