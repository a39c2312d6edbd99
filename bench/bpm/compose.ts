/**
 * Programmatic compositions with known tempo: drum patterns per genre (GM drums, channel 10),
 * bass, chords and pads with per-piece random instruments, keys, velocities and small timing
 * jitter. Everything derives from a seeded generator, so the set rebuilds identically.
 */
import { PPQ, type Note } from './midi';

export type Rng = () => number;

export function seeded(seed: number): Rng {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
export const uniform = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();

export type Genre = 'house' | 'techno' | 'trance' | 'dnb' | 'hiphop' | 'halftime' | 'waltz' | 'six8' | 'downtempo';

export const TEMPO_RANGES: Record<Genre, [number, number]> = {
  house: [118, 130],
  techno: [125, 135],
  trance: [136, 145],
  dnb: [170, 178],
  hiphop: [80, 100],
  halftime: [136, 145],
  waltz: [90, 150],
  six8: [60, 90],
  downtempo: [95, 115],
};

/** Quarter notes per labelled beat (6/8 is counted in dotted quarters) and beats per bar. */
export function meterOf(genre: Genre): { quartersPerBeat: number; beatsPerBar: number; meter: [number, number] } {
  if (genre === 'waltz') return { quartersPerBeat: 1, beatsPerBar: 3, meter: [3, 4] };
  if (genre === 'six8') return { quartersPerBeat: 1.5, beatsPerBar: 2, meter: [6, 8] };
  return { quartersPerBeat: 1, beatsPerBar: 4, meter: [4, 4] };
}

const DRUMS = 9;
const KICK = 36;
const RIM = 37;
const SNARE = 38;
const CLAP = 39;
const CLOSED = 42;
const OPEN = 46;
const RIDE = 51;
const SHAKER = 70;

export type Part = { drums: boolean; bass: boolean; chords: boolean; pad: boolean };

type Ctx = {
  rng: Rng;
  notes: Note[];
  /** Quarter-note position of the bar start. */
  bar: number;
  swing: number;
  jitterTicks: number;
};

function hit(ctx: Ctx, quarters: number, key: number, velocity: number, channel = DRUMS, durQuarters = 0.1): void {
  // Swing delays every odd sixteenth.
  const sixteenth = Math.round(quarters * 4);
  const swung = Math.abs(quarters * 4 - sixteenth) < 1e-6 && sixteenth % 2 === 1 ? quarters + ctx.swing / 4 : quarters;
  const jitter = (ctx.rng() * 2 - 1) * ctx.jitterTicks;
  ctx.notes.push({
    tick: Math.max(0, (ctx.bar + swung) * PPQ + jitter),
    dur: durQuarters * PPQ,
    channel,
    key,
    velocity: velocity * (0.85 + 0.3 * ctx.rng()),
  });
}

/** Drum pattern of one bar, positions in quarter notes from the bar start. */
function drumBar(genre: Genre, ctx: Ctx, variant: number, barIndex: number): void {
  const fill = barIndex % 8 === 7;
  switch (genre) {
    case 'house':
    case 'techno':
    case 'trance':
      for (let b = 0; b < 4; b++) {
        hit(ctx, b, KICK, 115);
        hit(ctx, b + 0.5, genre === 'techno' && variant === 1 ? RIDE : OPEN, 70);
        if (genre !== 'trance' || variant === 0) for (const s of [0.25, 0.75]) hit(ctx, b + s, CLOSED, 45);
      }
      hit(ctx, 1, genre === 'techno' ? RIM : CLAP, 95);
      hit(ctx, 3, genre === 'techno' ? RIM : CLAP, 95);
      if (fill) for (const s of [3.25, 3.5, 3.75]) hit(ctx, s, SNARE, 80);
      break;
    case 'dnb':
      // Two-step: kick on 1 and the and of 3, snare on 2 and 4, eighth hats.
      hit(ctx, 0, KICK, 115);
      hit(ctx, 2.5, KICK, 105);
      if (variant === 1) hit(ctx, 1.75, KICK, 80);
      hit(ctx, 1, SNARE, 110);
      hit(ctx, 3, SNARE, 110);
      for (let e = 0; e < 8; e++) hit(ctx, e / 2, CLOSED, e % 2 ? 55 : 70);
      if (fill) hit(ctx, 3.75, SNARE, 70);
      break;
    case 'hiphop':
      hit(ctx, 0, KICK, 115);
      hit(ctx, variant === 0 ? 1.75 : 0.75, KICK, 90);
      hit(ctx, 2.5, KICK, 100);
      hit(ctx, 1, SNARE, 110);
      hit(ctx, 3, SNARE, 110);
      for (let s = 0; s < (variant === 0 ? 16 : 8); s++) hit(ctx, variant === 0 ? s / 4 : s / 2, CLOSED, s % 2 ? 40 : 60);
      break;
    case 'halftime':
      // Counted at the quarter note, felt at half: kick on 1, snare on 3.
      hit(ctx, 0, KICK, 115);
      if (variant === 1) hit(ctx, 2.75, KICK, 85);
      hit(ctx, 2, SNARE, 115);
      for (let e = 0; e < 8; e++) hit(ctx, e / 2, CLOSED, e % 2 ? 45 : 65);
      break;
    case 'downtempo':
      hit(ctx, 0, KICK, 110);
      hit(ctx, 2.5, KICK, 90);
      hit(ctx, 1, SNARE, 95);
      hit(ctx, 3, SNARE, 95);
      for (let s = 0; s < 16; s++) hit(ctx, s / 4, SHAKER, s % 2 ? 35 : 55);
      break;
    case 'waltz':
      hit(ctx, 0, KICK, 110);
      hit(ctx, 1, variant === 0 ? CLOSED : RIM, 70);
      hit(ctx, 2, variant === 0 ? CLOSED : RIM, 70);
      if (variant === 1) hit(ctx, 1, SNARE, 60);
      break;
    case 'six8':
      // Two dotted-quarter beats per bar of six eighths.
      hit(ctx, 0, KICK, 115);
      hit(ctx, 1.5, SNARE, 105);
      for (let e = 0; e < 6; e++) hit(ctx, e / 2, CLOSED, e % 3 === 0 ? 70 : 45);
      break;
  }
}

const PROGRESSIONS = [
  [0, -4, -7, -2],
  [0, 5, 3, -2],
  [0, 3, 5, 7],
  [0, -2, -4, -5],
];

function harmonyBar(genre: Genre, ctx: Ctx, part: Part, root: number, instruments: Instruments, barQuarters: number): void {
  const minor = [0, 3, 7];
  if (part.bass) {
    if (genre === 'trance')
      for (let s = 0; s < 16; s++) {
        if (s % 4) hit(ctx, s / 4, root - 12, 80, 1, 0.2);
      }
    else if (genre === 'house' || genre === 'techno') for (let b = 0; b < 4; b++) hit(ctx, b + 0.5, root - 12, 90, 1, 0.35);
    else if (genre === 'dnb') hit(ctx, 0, root - 24, 85, 1, barQuarters * 0.9);
    else if (genre === 'waltz') hit(ctx, 0, root - 12, 85, 1, 0.9);
    else if (genre === 'six8') {
      hit(ctx, 0, root - 12, 85, 1, 1.2);
      hit(ctx, 1.5, root - 5, 75, 1, 1.2);
    } else {
      hit(ctx, 0, root - 12, 90, 1, 1.4);
      hit(ctx, 2.5, root - 12, 80, 1, 1.2);
    }
  }
  if (part.chords) {
    const times =
      genre === 'waltz'
        ? [1, 2]
        : genre === 'six8'
          ? [0, 0.5, 1, 1.5, 2, 2.5]
          : genre === 'hiphop' || genre === 'downtempo'
            ? [0]
            : [0.5, 2.5];
    const dur = genre === 'hiphop' || genre === 'downtempo' ? 3.5 : 0.3;
    for (const t of times) {
      if (genre === 'six8') hit(ctx, t, root + (minor[Math.round(t * 2) % 3] ?? 0) + 12, 60, 2, 0.45);
      else for (const iv of minor) hit(ctx, t, root + iv, 70, 2, dur);
    }
  }
  if (part.pad) for (const iv of [0, 7, 15]) hit(ctx, 0, root + iv, 50, 3, barQuarters);
  void instruments;
}

export type Instruments = { bass: number; chords: number; pad: number };

export function instrumentsFor(genre: Genre, rng: Rng): Instruments {
  const electronic = !['hiphop', 'waltz', 'six8', 'downtempo'].includes(genre);
  return {
    bass: pick(rng, electronic ? [38, 39, 87] : [32, 33, 34]),
    chords: pick(rng, electronic ? [80, 81, 84, 90] : [0, 4, 5, 24]),
    pad: pick(rng, [88, 89, 91, 94, 95, 48]),
  };
}

/**
 * Notes for `bars` bars of a genre. `parts(bar)` says which parts play in each bar, so intros
 * and breakdowns are the same piece with the drums out.
 */
export function compose(genre: Genre, rng: Rng, bars: number, parts: (bar: number) => Part): { notes: Note[]; instruments: Instruments } {
  const { quartersPerBeat, beatsPerBar } = meterOf(genre);
  const barQuarters = quartersPerBeat * beatsPerBar;
  const instruments = instrumentsFor(genre, rng);
  const variant = Math.floor(rng() * 2);
  const key = 48 + Math.floor(rng() * 12);
  const progression = pick(rng, PROGRESSIONS);
  const swing = genre === 'hiphop' ? uniform(rng, 0.08, 0.33) : 0;
  const ctx: Ctx = { rng, notes: [], bar: 0, swing, jitterTicks: PPQ * 0.01 };
  for (let b = 0; b < bars; b++) {
    ctx.bar = b * barQuarters;
    const part = parts(b);
    if (part.drums) drumBar(genre, ctx, variant, b);
    harmonyBar(genre, ctx, part, key + (progression[Math.floor(b / 2) % progression.length] ?? 0), instruments, barQuarters);
  }
  return { notes: ctx.notes, instruments };
}
