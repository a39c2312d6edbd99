/** Small module files built byte by byte for the drum-entry tests (mod-read.test.ts, tracker-drums.test.ts). */

/** A growing little-endian byte buffer to build small module files with. */
export class Bytes {
  b = new Uint8Array(0);
  at(o: number, ...values: number[]) {
    if (o + values.length > this.b.length) {
      const n = new Uint8Array(Math.max(o + values.length, 2 * this.b.length));
      n.set(this.b);
      this.b = n;
    }
    this.b.set(values, o);
    return this;
  }
  u16 = (o: number, v: number) => this.at(o, v & 255, v >> 8);
  u32 = (o: number, v: number) => this.u16(o, v & 0xffff).u16(o + 2, v >>> 16);
  str = (o: number, s: string) => this.at(o, ...Array.from(s, (c) => c.charCodeAt(0)));
}

export type ModNote = { pattern: number; row: number; ch: number; sample: number; period: number };

/** A 4-channel ProTracker module: samples (loop length in words), an order list, and notes by (pattern, row, channel). */
export function modFile(loops: number[], orders: number[], notes: ModNote[]) {
  const patterns = Math.max(...orders, ...notes.map((n) => n.pattern)) + 1;
  const b = new Uint8Array(1084 + patterns * 1024);
  loops.forEach((loop, s) => {
    const o = 20 + 30 * s;
    b[o + 23] = 100; // length in words
    b[o + 29] = loop;
  });
  b[950] = orders.length;
  orders.forEach((p, i) => (b[952 + i] = p));
  b.set([77, 46, 75, 46], 1080); // "M.K."
  for (const n of notes) {
    const o = 1084 + n.pattern * 1024 + (n.row * 4 + n.ch) * 4;
    b[o] = (n.sample & 0xf0) | (n.period >> 8);
    b[o + 1] = n.period & 0xff;
    b[o + 2] = (n.sample & 0x0f) << 4;
  }
  return b;
}

export type XmCell = { row: number; ch: number; note: number; instrument: number };
export type XmInstrument = { loops: number[]; keymap: Record<number, number> };

/** An XM file: 2 channels, 16-row patterns, instruments as lists of samples (loop type, and the keymap as note -> sample). */
export function xmFile(orders: number[], patterns: XmCell[][], instruments: XmInstrument[]) {
  const x = new Bytes().str(0, 'Extended Module: ').u16(58, 0x0104).u32(60, 276);
  x.u16(64, orders.length).u16(68, 2).u16(70, patterns.length).u16(72, instruments.length);
  orders.forEach((p, i) => x.at(80 + i, p));
  let o = 60 + 276;
  for (const cells of patterns) {
    const data: number[] = [];
    for (let k = 0; k < 16 * 2; k++) {
      const c = cells.find((e) => e.row * 2 + e.ch === k);
      data.push(...(c ? [c.note, c.instrument, 0, 0, 0] : [0x80])); // unpacked cell, or an empty packed one
    }
    x.u32(o, 9)
      .u16(o + 5, 16)
      .u16(o + 7, data.length)
      .at(o + 9, ...data);
    o += 9 + data.length;
  }
  for (const ins of instruments) {
    x.u32(o, 263)
      .u16(o + 27, ins.loops.length)
      .u32(o + 29, 40);
    for (const [note, s] of Object.entries(ins.keymap)) x.at(o + 33 + Number(note) - 1, s);
    o += 263;
    ins.loops.forEach((loop, j) =>
      x
        .u32(o + 40 * j, 8)
        .u32(o + 40 * j + 8, loop ? 4 : 0)
        .at(o + 40 * j + 14, loop),
    );
    o += 48 * ins.loops.length; // 40-byte headers, then 8 bytes of data per sample
    x.at(o - 1, 0);
  }
  return x.b.subarray(0, o);
}
