import { describe, expect, it } from 'vitest';
import { dayRange, djNames, hostedBy, pageOf, setTempo, tempoRange } from './search-plan';

describe('dayRange', () => {
  it('takes whole days in the channel zone, both ends inclusive', () => {
    expect(dayRange({ from: '2026-12-01', to: '2026-12-03' }, 'Europe/Berlin')).toEqual({
      gte: new Date('2026-11-30T23:00:00Z'),
      lt: new Date('2026-12-03T23:00:00Z'),
    });
    expect(dayRange({}, 'UTC')).toEqual({});
  });

  it('follows daylight saving (a 23-hour day in Berlin)', () => {
    const r = dayRange({ from: '2026-03-29', to: '2026-03-29' }, 'Europe/Berlin');
    expect((r.lt!.getTime() - r.gte!.getTime()) / 3_600_000).toBe(23);
  });
});

describe('tempoRange', () => {
  it('accepts bounds in either order, or one of them', () => {
    expect(tempoRange({ minBpm: 122, maxBpm: 128 })).toEqual({ gte: 122, lte: 128 });
    expect(tempoRange({ minBpm: 128, maxBpm: 122 })).toEqual({ gte: 122, lte: 128 });
    expect(tempoRange({ minBpm: 140 })).toEqual({ gte: 140 });
    expect(tempoRange({ maxBpm: 90 })).toEqual({ lte: 90 });
    expect(tempoRange({})).toBeNull();
  });
});

describe('DJ filter', () => {
  it('matches a host by name, ignoring case', () => {
    expect(hostedBy(['DJ Ada', 'Bo'], 'dj ada')).toBe(true);
    expect(hostedBy(['DJ Ada'], 'Ada')).toBe(false);
    expect(hostedBy([], undefined)).toBe(true);
  });

  it('lists each DJ once, sorted', () => {
    expect(djNames([{ hosts: ['Bo', 'Ada'] }, { hosts: ['Ada'] }])).toEqual(['Ada', 'Bo']);
  });
});

describe('setTempo', () => {
  it('is the median of the beats, ignoring "no beat" points', () => {
    expect(setTempo([120, null, 128, 124])).toBe(124);
    expect(setTempo([120, 122, null, 128, 126])).toBe(124);
    expect(setTempo([127.44])).toBe(127.4);
    expect(setTempo([null, null])).toBeNull();
  });
});

describe('pageOf', () => {
  const items = Array.from({ length: 7 }, (_, i) => i);

  it('cuts runs of the page size, the last one short', () => {
    expect(pageOf(items, 1, 3)).toEqual({ items: [0, 1, 2], page: 1, pages: 3, total: 7 });
    expect(pageOf(items, 3, 3)).toEqual({ items: [6], page: 3, pages: 3, total: 7 });
  });

  it('shows the last page for a page past the end, and one empty page for nothing', () => {
    expect(pageOf(items, 9, 3)).toEqual({ items: [6], page: 3, pages: 3, total: 7 });
    expect(pageOf([], 2, 3)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
  });
});
