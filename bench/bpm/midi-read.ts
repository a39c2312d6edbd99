/** Minimal Standard MIDI File reader: the tempo map, time signatures and drum (channel 10) note times, for labels. */

export type MidiFacts = {
  ppq: number;
  /** Tempo changes (tick, microseconds per quarter note), sorted; a 500000 at tick 0 if the file sets none. */
  tempos: { tick: number; usPerQuarter: number }[];
  meters: { tick: number; numerator: number; denominator: number }[];
  /** Ticks of note-ons on MIDI channel 10 (General MIDI drums). */
  drumTicks: number[];
  endTick: number;
};

function readVarLen(b: Uint8Array, at: number): [number, number] {
  let v = 0;
  let i = at;
  for (;;) {
    const c = b[i++] ?? 0;
    v = (v << 7) | (c & 0x7f);
    if (!(c & 0x80)) return [v, i];
  }
}

const u32 = (b: Uint8Array, i: number) => (((b[i] ?? 0) << 24) >>> 0) + ((b[i + 1] ?? 0) << 16) + ((b[i + 2] ?? 0) << 8) + (b[i + 3] ?? 0);
const u16 = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) + (b[i + 1] ?? 0);

export function readMidi(b: Uint8Array): MidiFacts {
  if (String.fromCharCode(...b.subarray(0, 4)) !== 'MThd') throw new Error('not a MIDI file');
  const ppq = u16(b, 12);
  if (ppq & 0x8000) throw new Error('SMPTE time division is not supported');
  const facts: MidiFacts = { ppq, tempos: [], meters: [], drumTicks: [], endTick: 0 };
  let pos = 8 + u32(b, 4);
  while (pos + 8 <= b.length) {
    const len = u32(b, pos + 4);
    if (String.fromCharCode(...b.subarray(pos, pos + 4)) === 'MTrk') readTrack(b.subarray(pos + 8, pos + 8 + len), facts);
    pos += 8 + len;
  }
  facts.tempos.sort((x, y) => x.tick - y.tick);
  facts.meters.sort((x, y) => x.tick - y.tick);
  facts.drumTicks.sort((x, y) => x - y);
  if (!facts.tempos.length || (facts.tempos[0]?.tick ?? 0) > 0) facts.tempos.unshift({ tick: 0, usPerQuarter: 500_000 });
  return facts;
}

/** Walk a track's events; returns the byte offset where the first event after `stopTick` starts. */
function readTrack(b: Uint8Array, facts: MidiFacts, stopTick = Infinity): number {
  let i = 0;
  let tick = 0;
  let status = 0;
  while (i < b.length) {
    const [delta, next] = readVarLen(b, i);
    if (tick + delta > stopTick) return i;
    i = next;
    tick += delta;
    let s = b[i] ?? 0;
    if (s & 0x80) i++;
    else s = status; // running status
    if (s === 0xff) {
      const type = b[i++] ?? 0;
      const [len, at] = readVarLen(b, i);
      if (type === 0x51 && len === 3)
        facts.tempos.push({ tick, usPerQuarter: ((b[at] ?? 0) << 16) + ((b[at + 1] ?? 0) << 8) + (b[at + 2] ?? 0) });
      if (type === 0x58 && len >= 2) facts.meters.push({ tick, numerator: b[at] ?? 4, denominator: 2 ** (b[at + 1] ?? 2) });
      i = at + len;
    } else if (s === 0xf0 || s === 0xf7) {
      const [len, at] = readVarLen(b, i);
      i = at + len;
    } else {
      status = s;
      const kind = s & 0xf0;
      const size = kind === 0xc0 || kind === 0xd0 ? 1 : 2;
      if (kind === 0x90 && (s & 0x0f) === 9 && (b[i + 1] ?? 0) > 0) facts.drumTicks.push(tick);
      i += size;
    }
    if (tick > facts.endTick) facts.endTick = tick;
  }
  return b.length;
}

/** The file cut after `stopTick` (every track ends there), so a renderer need not play a long file to the end. */
export function truncateMidi(b: Uint8Array, stopTick: number): Uint8Array {
  const parts: Uint8Array[] = [b.subarray(0, 8 + u32(b, 4))];
  let pos = parts[0]?.length ?? 0;
  const scratch: MidiFacts = { ppq: 0, tempos: [], meters: [], drumTicks: [], endTick: 0 };
  while (pos + 8 <= b.length) {
    const len = u32(b, pos + 4);
    const body = b.subarray(pos + 8, pos + 8 + len);
    if (String.fromCharCode(...b.subarray(pos, pos + 4)) === 'MTrk') {
      const kept = body.subarray(0, readTrack(body, scratch, stopTick));
      // All sound off (CC 120) and all notes off (CC 123) on every channel, so held notes do not ring on forever.
      const off = Array.from({ length: 16 }, (_, ch) => [0, 0xb0 | ch, 120, 0, 0, 0xb0 | ch, 123, 0]).flat();
      const size = kept.length + off.length + 4;
      parts.push(
        Uint8Array.from([0x4d, 0x54, 0x72, 0x6b, (size >>> 24) & 255, (size >>> 16) & 255, (size >>> 8) & 255, size & 255]),
        kept,
        Uint8Array.from([...off, 0, 0xff, 0x2f, 0]),
      );
    }
    pos += 8 + len;
  }
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Seconds at `tick` under the tempo map. */
export function secondsAt(facts: MidiFacts, tick: number): number {
  let t = 0;
  for (let k = 0; k < facts.tempos.length; k++) {
    const cur = facts.tempos[k];
    if (!cur || cur.tick >= tick) break;
    const end = Math.min(tick, facts.tempos[k + 1]?.tick ?? Infinity);
    t += ((end - cur.tick) * cur.usPerQuarter) / 1e6 / facts.ppq;
  }
  return t;
}
