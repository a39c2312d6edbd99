/**
 * Where the drums enter a ProTracker module (.mod), from its pattern data alone (LABELS.md, "Drum entry"):
 * no audio, no estimator. A **percussion sample** is one the module plays as a one-shot (no loop: loop
 * length of at most one word) at no more than two distinct pitches: a tracker plays a drum as a sample
 * struck at one fixed note (two where a kit reuses it, e.g. a tom), while melodic samples move through
 * notes and sustained ones loop. The drums enter at the first row, in play order, where any channel
 * triggers a percussion sample. Pure, unit tested (mod-drums.test.ts).
 */

const CHANNELS: Record<string, number> = { 'M.K.': 4, 'M!K!': 4, FLT4: 4, '4CHN': 4, '6CHN': 6, '8CHN': 8, FLT8: 8 };
const SAMPLES = 31;
const ROWS = 64;

export type ModDrums = {
  /** 1-based numbers of the samples the rule counts as percussion. */
  percussion: number[];
  /** Every (order position, row) where a percussion sample is triggered, in play order of the order list. */
  rows: Set<string>;
};

export const rowKey = (position: number, row: number) => `${position}:${row}`;

/** The rule above on a 31-sample ProTracker module's bytes; null for anything else (not a 31-sample MOD). */
export function modDrums(b: Uint8Array): ModDrums | null {
  if (b.length < 1084) return null;
  const tag = String.fromCharCode(...b.subarray(1080, 1084));
  const channels = CHANNELS[tag];
  if (!channels) return null;
  const looped = new Set<number>();
  for (let s = 0; s < SAMPLES; s++) {
    const o = 20 + 30 * s + 28;
    if ((((b[o] ?? 0) << 8) | (b[o + 1] ?? 0)) > 1) looped.add(s + 1);
  }
  const length = b[950] ?? 0;
  const orders = Array.from(b.subarray(952, 952 + length));
  const pitches = new Map<number, Set<number>>();
  const events: { pos: number; row: number; sample: number }[] = [];
  orders.forEach((pattern, pos) => {
    const base = 1084 + pattern * ROWS * channels * 4;
    for (let row = 0; row < ROWS; row++) {
      for (let c = 0; c < channels; c++) {
        const o = base + (row * channels + c) * 4;
        if (o + 4 > b.length) continue;
        const x0 = b[o] ?? 0;
        const sample = (x0 & 0xf0) | ((b[o + 2] ?? 0) >> 4);
        const period = ((x0 & 0x0f) << 8) | (b[o + 1] ?? 0);
        if (!sample || !period) continue;
        const set = pitches.get(sample) ?? new Set<number>();
        set.add(period);
        pitches.set(sample, set);
        events.push({ pos, row, sample });
      }
    }
  });
  const percussion = [...pitches.entries()]
    .filter(([s, p]) => !looped.has(s) && p.size <= 2)
    .map(([s]) => s)
    .sort((a, z) => a - z);
  const drum = new Set(percussion);
  return { percussion, rows: new Set(events.filter((e) => drum.has(e.sample)).map((e) => rowKey(e.pos, e.row))) };
}
