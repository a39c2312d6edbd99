import { describe, expect, it } from 'vitest';
import {
  addTap,
  appendCurve,
  beatPulse,
  CURVE_INTERVAL_MS,
  CURVE_MAX_POINTS,
  roomTempo,
  tapTempo,
  type BpmReading,
  type CurvePoint,
} from './tempo-state';

const reading = (at: number, bpm: number | null, lastBeat: number | null = null): BpmReading => ({ at, bpm, confidence: 0.8, lastBeat });

describe('tempo curve', () => {
  it('adds a point every interval, rounded to one decimal', () => {
    let curve: readonly CurvePoint[] = [];
    curve = appendCurve(curve, reading(0, 127.96));
    const same = appendCurve(curve, reading(CURVE_INTERVAL_MS - 1, 130));
    expect(same).toBe(curve);
    curve = appendCurve(curve, reading(CURVE_INTERVAL_MS, null));
    expect(curve).toEqual([
      { at: 0, bpm: 128 },
      { at: CURVE_INTERVAL_MS, bpm: null },
    ]);
  });

  it('keeps a bounded history', () => {
    let curve: readonly CurvePoint[] = [];
    for (let i = 0; i < CURVE_MAX_POINTS + 5; i++) curve = appendCurve(curve, reading(i * CURVE_INTERVAL_MS, 120));
    expect(curve).toHaveLength(CURVE_MAX_POINTS);
    expect(curve[0]?.at).toBe(5 * CURVE_INTERVAL_MS);
  });
});

describe('tap tempo', () => {
  it('needs three taps and takes the median interval', () => {
    let taps: number[] = [];
    for (const t of [0, 500, 1000]) taps = addTap(taps, t);
    expect(tapTempo(taps)).toBe(120);
    taps = addTap(taps, 1400); // one sloppy tap does not move the median much
    taps = addTap(taps, 1900);
    expect(tapTempo(taps)).toBe(120);
    expect(tapTempo([0, 500])).toBeNull();
  });

  it('starts over after a pause', () => {
    const taps = addTap([0, 500, 1000], 5000);
    expect(taps).toEqual([5000]);
  });
});

describe('beat pulse', () => {
  it('peaks on the beat and decays within the period', () => {
    expect(beatPulse(1000, 1000, 120)).toBeCloseTo(1);
    expect(beatPulse(1500, 1000, 120)).toBeCloseTo(1); // next beat
    expect(beatPulse(1250, 1000, 120)).toBeLessThan(0.05);
    expect(beatPulse(1000, null, 120)).toBe(0);
    expect(beatPulse(1000, 1000, null)).toBe(0);
  });
});

describe('room tempo', () => {
  it('is the first participant publishing a tempo, skipping those without', () => {
    const tempo = roomTempo([
      { attributes: {}, publishing: true },
      { attributes: { bpm: '128.0', bpm_beat_at: '1700000000000' }, publishing: true },
      { attributes: { bpm: '90.0' }, publishing: true },
    ]);
    expect(tempo).toEqual({ bpm: 128, beatAt: 1_700_000_000_000, confidence: null });
  });

  it('is null in an empty room or when nobody publishes a valid tempo', () => {
    expect(roomTempo([])).toBeNull();
    expect(
      roomTempo([
        { attributes: { bpm: 'fast' }, publishing: true },
        { attributes: { other: '1' }, publishing: true },
      ]),
    ).toBeNull();
  });

  it('keeps "no beat" from the publisher rather than looking further', () => {
    expect(
      roomTempo([
        { attributes: { bpm: '' }, publishing: true },
        { attributes: { bpm: '120.0' }, publishing: true },
      ])?.bpm,
    ).toBeNull();
  });
});

describe('room tempo, as listeners trust it', () => {
  it('comes only from a participant that is on air (publishing audio), never from one waiting or taken off air', () => {
    const waiting = { attributes: { bpm: '199.9', bpm_beat_at: '1700000000000' }, publishing: false };
    const onAir = { attributes: { bpm: '124.0' }, publishing: true };
    expect(roomTempo([waiting])).toBeNull();
    expect(roomTempo([waiting, onAir])?.bpm).toBe(124);
  });

  it('drops values out of range or malformed, and anchors that are not plausible times', () => {
    const at = (attributes: Record<string, string>) => roomTempo([{ attributes, publishing: true }]);
    expect(at({ bpm: '999.9' })?.bpm ?? null).toBeNull();
    expect(at({ bpm: '12.0' })?.bpm ?? null).toBeNull();
    expect(at({ bpm: '128.0', bpm_beat_at: '999999999999999' })).toEqual({ bpm: 128, beatAt: null, confidence: null });
    expect(at({ bpm: '128.0', bpm_confidence: '1.50' })).toBeNull();
  });
});
