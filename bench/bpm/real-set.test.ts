import { describe, expect, it } from 'vitest';
import { readMidi, secondsAt, truncateMidi } from './midi-read';
import { PPQ, writeMidi } from './midi';
import { foldLevel } from './real-set';
import { constantStretches, parseXmpStatus, rowSeconds } from './tracker-timeline';

describe('real set labels', () => {
  it('reads a tempo map, meter and drum notes, and truncates a file', () => {
    const notes = [
      { tick: PPQ * 4, dur: 10, channel: 9, key: 36, velocity: 100 },
      { tick: 0, dur: PPQ * 40, channel: 0, key: 60, velocity: 90 },
    ];
    const bytes = Uint8Array.from(writeMidi({ tempos: [{ tick: 0, bpm: 96 }], meter: [6, 8], programs: {}, notes }));
    const m = readMidi(bytes);
    expect(6e7 / (m.tempos[0]?.usPerQuarter ?? 0)).toBeCloseTo(96, 1);
    expect(m.meters[0]).toMatchObject({ numerator: 6, denominator: 8 });
    expect(secondsAt(m, m.drumTicks[0] ?? 0)).toBeCloseTo(2.5, 2);
    const cut = readMidi(truncateMidi(bytes, PPQ * 8));
    expect(cut.endTick).toBeLessThanOrEqual(PPQ * 8);
    expect(cut.drumTicks).toEqual([PPQ * 4]);
  });

  it('folds a tracker or MIDI level into the counted range (60, 200]', () => {
    expect(foldLevel(250)).toBe(125);
    expect(foldLevel(300)).toBe(150);
    expect(foldLevel(46.875)).toBe(93.75);
    expect(foldLevel(200)).toBe(200);
  });

  it('finds constant speed/tempo stretches in xmp status output and rejects a hidden change', () => {
    const row = (r: number, t: number) =>
      `${r.toString(16).toUpperCase().padStart(2, '0')}/3F] Chn[04/04]      0:00:${t.toFixed(1).padStart(4, '0')}`;
    const pattern = (speed: number, tempo: number, t0: number, rs: number) =>
      `Speed[${speed.toString(16).toUpperCase().padStart(2, '0')}] BPM[${tempo.toString(16).toUpperCase()}] Pos[00/10] Pat[00/10] Row[  /  ] Chn[  /  ]      0:00:00.0${Array.from({ length: 64 }, (_, r) => row(r, t0 + r * rs)).join('')}`;
    const rs = rowSeconds(6, 125);
    expect(rs).toBeCloseTo(0.12, 6);
    const text = pattern(6, 125, 0, rs) + pattern(6, 125, 64 * rs, rs) + pattern(5, 125, 128 * rs, rowSeconds(5, 125));
    const segs = constantStretches(parseXmpStatus(text));
    expect(segs).toHaveLength(2);
    expect(segs[0]).toMatchObject({ speed: 6, tempo: 125, start: 0 });
    expect(segs[0]?.end).toBeCloseTo(128 * rs, 0);
    // Rows advancing at another pace than the header says: a change inside the pattern.
    expect(constantStretches(parseXmpStatus(pattern(6, 125, 0, rs * 1.2)))).toHaveLength(0);
  });
});
