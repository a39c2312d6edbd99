import { describe, expect, it } from 'vitest';
import { POINT_INTERVAL_MS, pointDue, sameTempo, tempoPoint } from './sampling';

const tempo = (bpm: number | null, beatAt: number | null = 1_000, confidence: number | null = 0.8) => ({ bpm, beatAt, confidence });

describe('pointDue', () => {
  it('writes the first point at once', () => {
    expect(pointDue(undefined, 0)).toBe(true);
  });

  it('keeps a ~5 s grid when the loop wakes about once a second', () => {
    // Passes at 1.02 s steps, as a loaded loop runs; count the points of one minute.
    let last: number | undefined;
    const written: number[] = [];
    for (let t = 0; t <= 60_000; t += 1_020) {
      if (pointDue(last, t)) {
        written.push(t);
        last = t;
      }
    }
    const gaps = written.slice(1).map((t, i) => t - (written[i] ?? t));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(POINT_INTERVAL_MS - 500);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(POINT_INTERVAL_MS + 1_020);
    expect(written.length).toBeGreaterThanOrEqual(11);
    expect(written.length).toBeLessThanOrEqual(13);
  });

  it('is not due within the interval, and recovers from a clock that stepped back', () => {
    expect(pointDue(10_000, 12_000)).toBe(false);
    expect(pointDue(10_000, 14_499)).toBe(false);
    expect(pointDue(10_000, 14_500)).toBe(true);
    expect(pointDue(10_000, 9_000)).toBe(true);
  });
});

describe('tempoPoint', () => {
  it('stores the tempo, "no beat" as null, and nothing without a publisher', () => {
    expect(tempoPoint(tempo(128))).toEqual({ bpm: 128, confidence: 0.8 });
    expect(tempoPoint(tempo(null, null, null))).toEqual({ bpm: null, confidence: null });
    expect(tempoPoint(null)).toBeNull();
  });
});

describe('sameTempo', () => {
  it('tells every change apart', () => {
    expect(sameTempo(null, null)).toBe(true);
    expect(sameTempo(tempo(128), null)).toBe(false);
    expect(sameTempo(tempo(128), tempo(128))).toBe(true);
    expect(sameTempo(tempo(128), tempo(128.1))).toBe(false);
    expect(sameTempo(tempo(128, 1_000), tempo(128, 1_469))).toBe(false);
    expect(sameTempo(tempo(128, 1_000, 0.8), tempo(128, 1_000, 0.9))).toBe(false);
    expect(sameTempo(tempo(null), tempo(128))).toBe(false);
  });
});
