import { describe, expect, it } from 'vitest';
import { curveGeometry, medianBpm } from './tempo-curve';

const GAP = 12_500;

describe('curveGeometry', () => {
  it('has nothing to draw without a beat', () => {
    expect(curveGeometry([], 600, 100, GAP)).toBeNull();
    expect(
      curveGeometry(
        [
          { at: 0, bpm: null },
          { at: 5_000, bpm: null },
        ],
        600,
        100,
        GAP,
      ),
    ).toBeNull();
  });

  it('spans the box: first point left, last right, the BPM range with 2 BPM margins', () => {
    const g = curveGeometry(
      [
        { at: 0, bpm: 120 },
        { at: 5_000, bpm: 124 },
        { at: 10_000, bpm: 128 },
      ],
      600,
      100,
      GAP,
    );
    expect(g).toMatchObject({ lo: 118, hi: 130, t0: 0, t1: 10_000, beats: 3 });
    // 120 BPM is 2/12 of the way up from 118: y = 100 - 16.7
    expect(g?.d).toBe('M0.0,83.3L300.0,50.0L600.0,16.7');
  });

  it('breaks the line at "no beat" and at missing stretches', () => {
    const g = curveGeometry(
      [
        { at: 0, bpm: 128 },
        { at: 5_000, bpm: 128 },
        { at: 10_000, bpm: null },
        { at: 15_000, bpm: 128 },
        { at: 20_000, bpm: 128 },
        { at: 60_000, bpm: 128 },
      ],
      600,
      100,
      GAP,
    );
    expect(g?.d.match(/M/g)).toHaveLength(3);
    // The lone point after the 40 s hole still shows, as a dash.
    expect(g?.d.endsWith('M600.0,50.0h2')).toBe(true);
    expect(g?.beats).toBe(5);
  });

  it('keeps a set of one point drawable', () => {
    const g = curveGeometry([{ at: 1_000, bpm: 90 }], 600, 100, GAP);
    expect(g).toMatchObject({ lo: 88, hi: 92, t0: 1_000, t1: 1_001 });
    expect(g?.d).toBe('M0.0,50.0h2');
  });
});

describe('medianBpm', () => {
  it('ignores "no beat" and takes the middle', () => {
    expect(medianBpm([])).toBeNull();
    expect(medianBpm([{ at: 0, bpm: null }])).toBeNull();
    expect(
      medianBpm([
        { at: 0, bpm: 128 },
        { at: 1, bpm: null },
        { at: 2, bpm: 90 },
        { at: 3, bpm: 130 },
      ]),
    ).toBe(128);
    expect(
      medianBpm([
        { at: 0, bpm: 120 },
        { at: 1, bpm: 130 },
      ]),
    ).toBe(125);
  });
});
