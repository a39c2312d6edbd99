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
} from './bpm-state';

const reading = (at: number, bpm: number | null, lastBeat: number | null = null): BpmReading => ({ at, bpm, confidence: 0.8, lastBeat });

describe('tempo curve', () => {
  it('adds a point every interval, rounded to one decimal', () => {
    let curve: readonly CurvePoint[] = [];
    curve = appendCurve(curve, reading(0, 127.96));
    const same = appendCurve(curve, reading(CURVE_INTERVAL_MS - 1, 130));
    expect(same).toBe(curve);
    curve = appendCurve(curve, reading(CURVE_INTERVAL_MS, null));
    expect(curve).toEqual([{ at: 0, bpm: 128 }, { at: CURVE_INTERVAL_MS, bpm: null }]);
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
    const tempo = roomTempo([{ attributes: {} }, { attributes: { bpm: '128.0', bpm_beat_at: '1700000000000' } }, { attributes: { bpm: '90.0' } }]);
    expect(tempo).toEqual({ bpm: 128, beatAt: 1_700_000_000_000, confidence: null });
  });

  it('is null in an empty room or when nobody publishes a valid tempo', () => {
    expect(roomTempo([])).toBeNull();
    expect(roomTempo([{ attributes: { bpm: 'fast' } }, { attributes: { other: '1' } }])).toBeNull();
  });

  it('keeps "no beat" from the publisher rather than looking further', () => {
    expect(roomTempo([{ attributes: { bpm: '' } }, { attributes: { bpm: '120.0' } }])?.bpm).toBeNull();
  });
});
