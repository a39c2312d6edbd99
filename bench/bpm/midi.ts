/** Minimal Standard MIDI File (format 1) writer with a tempo map. */

export const PPQ = 480;

export type Note = { tick: number; dur: number; channel: number; key: number; velocity: number };
export type TempoChange = { tick: number; bpm: number };

function varLen(n: number): number[] {
  const bytes = [n & 0x7f];
  for (n >>= 7; n > 0; n >>= 7) bytes.unshift((n & 0x7f) | 0x80);
  return bytes;
}

function chunk(id: string, body: number[]): number[] {
  const len = body.length;
  return [...[...id].map((c) => c.charCodeAt(0)), (len >>> 24) & 255, (len >>> 16) & 255, (len >>> 8) & 255, len & 255, ...body];
}

function track(events: { tick: number; data: number[] }[]): number[] {
  events.sort((a, b) => a.tick - b.tick);
  const body: number[] = [];
  let last = 0;
  for (const e of events) {
    body.push(...varLen(e.tick - last), ...e.data);
    last = e.tick;
  }
  body.push(0, 0xff, 0x2f, 0);
  return chunk('MTrk', body);
}

export function writeMidi(options: {
  tempos: TempoChange[];
  meter: [number, number];
  programs: Record<number, number>;
  notes: Note[];
}): Uint8Array {
  const meta = options.tempos.map((t) => {
    const us = Math.round(60_000_000 / t.bpm);
    return { tick: t.tick, data: [0xff, 0x51, 3, (us >> 16) & 255, (us >> 8) & 255, us & 255] };
  });
  const [num, den] = options.meter;
  meta.push({ tick: 0, data: [0xff, 0x58, 4, num, Math.log2(den), 24, 8] });
  const music: { tick: number; data: number[] }[] = [];
  for (const [channel, program] of Object.entries(options.programs)) {
    music.push({ tick: 0, data: [0xc0 | Number(channel), program] });
  }
  for (const n of options.notes) {
    const vel = Math.max(1, Math.min(127, Math.round(n.velocity)));
    music.push({ tick: Math.round(n.tick), data: [0x90 | n.channel, n.key, vel] });
    // Note-offs sort before note-ons at the same tick only if given a slightly earlier tick.
    music.push({ tick: Math.round(n.tick + Math.max(1, n.dur)) - 0.5, data: [0x80 | n.channel, n.key, 0] });
  }
  // Half-tick note-offs exist only for ordering; round them back after sorting.
  const sorted = music.sort((a, b) => a.tick - b.tick).map((e) => ({ tick: Math.ceil(e.tick), data: e.data }));
  const header = chunk('MThd', [0, 1, 0, 2, (PPQ >> 8) & 255, PPQ & 255]);
  return Uint8Array.from([...header, ...track(meta), ...track(sorted)]);
}

/** Seconds at a tick under a tempo map (sorted by tick, first at tick 0). */
export function tickToSeconds(tick: number, tempos: TempoChange[]): number {
  let seconds = 0;
  for (let i = 0; i < tempos.length; i++) {
    const t = tempos[i];
    if (!t) break;
    const end = tempos[i + 1]?.tick ?? Infinity;
    if (tick <= t.tick) break;
    seconds += ((Math.min(tick, end) - t.tick) / PPQ) * (60 / t.bpm);
  }
  return seconds;
}
