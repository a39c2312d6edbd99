import { describe, expect, it } from 'vitest';
import { clockAt, formatStartTime, offsetAt, parseStartTime, seekByKey, tempoNear } from './seek-plan';

describe('?t start times', () => {
  it('reads the forms people paste', () => {
    expect(parseStartTime('1h02m')).toBe(3720);
    expect(parseStartTime('1h02m05s')).toBe(3725);
    expect(parseStartTime('62m')).toBe(3720);
    expect(parseStartTime('95s')).toBe(95);
    expect(parseStartTime('1:02:05')).toBe(3725);
    expect(parseStartTime('2:05')).toBe(125);
    expect(parseStartTime('3725')).toBe(3725);
    expect(parseStartTime(' 1H2M ')).toBe(3720);
  });

  it('refuses anything else', () => {
    for (const bad of [null, undefined, '', 'h', '1x', '-5', '1h-2m', '1:2:3:4', '9'.repeat(20)]) expect(parseStartTime(bad)).toBeNull();
  });

  it('writes what it reads back', () => {
    expect(formatStartTime(3720)).toBe('1h02m');
    expect(formatStartTime(3725.9)).toBe('1h02m05s');
    expect(formatStartTime(120)).toBe('2m');
    expect(formatStartTime(45)).toBe('45s');
    expect(formatStartTime(-3)).toBe('0s');
    for (const s of [0, 59, 61, 3599, 3600, 7325]) expect(parseStartTime(formatStartTime(s))).toBe(s);
  });
});

describe('tempo curve to recording', () => {
  const start = Date.UTC(2026, 11, 4, 20);
  // Attempt 1 from start+5 s for 100 s; a restart gap; attempt 2 from start+120 s for 50 s.
  const timeline = [
    { offset: 0, at: start + 5_000, seconds: 100 },
    { offset: 100, at: start + 120_000, seconds: 50 },
  ];

  it('places a clock time inside the attempt that recorded it', () => {
    expect(offsetAt(timeline, start + 55_000, start)).toBe(50);
    expect(offsetAt(timeline, start + 130_000, start)).toBe(110);
  });

  it('clamps before the recording, in a gap and past the end', () => {
    expect(offsetAt(timeline, start, start)).toBe(0);
    expect(offsetAt(timeline, start + 110_000, start)).toBe(100);
    expect(offsetAt(timeline, start + 999_000, start)).toBe(150);
    expect(offsetAt([], start, start)).toBe(0);
  });

  it('places parts without a clock start after the previous one', () => {
    const unknown = [
      { offset: 0, at: null, seconds: 10 },
      { offset: 10, at: null, seconds: 10 },
    ];
    expect(offsetAt(unknown, start + 15_000, start)).toBe(15);
  });

  it('maps back to the clock', () => {
    expect(clockAt(timeline, 50, start)).toBe(start + 55_000);
    expect(clockAt(timeline, 110, start)).toBe(start + 130_000);
  });
});

describe('keyboard seek on the tempo curve', () => {
  it('moves 10 s by arrow, a tenth of the set (a minute at least) by page, and to the ends', () => {
    expect(seekByKey('ArrowRight', 100, 3600)).toBe(110);
    expect(seekByKey('ArrowUp', 100, 3600)).toBe(110);
    expect(seekByKey('ArrowLeft', 100, 3600)).toBe(90);
    expect(seekByKey('PageUp', 100, 3600)).toBe(460);
    expect(seekByKey('PageDown', 100, 300)).toBe(40);
    expect(seekByKey('Home', 100, 3600)).toBe(0);
    expect(seekByKey('End', 100, 3600)).toBe(3600);
  });

  it('stays inside the recording and leaves other keys alone', () => {
    expect(seekByKey('ArrowLeft', 4, 3600)).toBe(0);
    expect(seekByKey('PageUp', 3590, 3600)).toBe(3600);
    expect(seekByKey('Tab', 100, 3600)).toBeNull();
    expect(seekByKey('Enter', 100, 3600)).toBeNull();
  });
});

describe('tempoNear', () => {
  const points = [
    { at: 1_000, bpm: 120 },
    { at: 6_000, bpm: 122 },
    { at: 11_000, bpm: null },
    { at: 40_000, bpm: 126 },
  ];

  it('reads the last point at or before the time', () => {
    expect(tempoNear(points, 6_000, 12_500)).toBe(122);
    expect(tempoNear(points, 9_000, 12_500)).toBe(122);
    expect(tempoNear(points, 45_000, 12_500)).toBe(126);
  });

  it('is null before the first point, on "no beat" and inside a gap', () => {
    expect(tempoNear(points, 500, 12_500)).toBeNull();
    expect(tempoNear(points, 12_000, 12_500)).toBeNull();
    expect(tempoNear(points, 30_000, 12_500)).toBeNull();
  });
});
