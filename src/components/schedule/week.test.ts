import { describe, expect, it } from 'vitest';
import type { OccurrenceDto } from '@/types/schedule';
import { groupWeek, timeRange, toLocalInput, viewerZoneIfDifferent, weekStart } from './week';

const occ = (start: string, end: string): OccurrenceDto => ({
  slotId: 's',
  occurrence: start,
  title: 't',
  start,
  end,
  hosts: [],
  recurring: false,
  moved: false,
});

describe('week helpers', () => {
  it('starts weeks on Monday in the channel zone', () => {
    // Sunday 23:30 UTC is already Monday in Berlin.
    expect(weekStart(new Date('2026-11-22T23:30:00Z'), 'Europe/Berlin').toISO()).toBe('2026-11-23T00:00:00.000+01:00');
    expect(weekStart(new Date('2026-11-22T23:30:00Z'), 'UTC').toISO()).toBe('2026-11-16T00:00:00.000Z');
    expect(weekStart(new Date('2026-11-22T23:30:00Z'), 'UTC', 1).toISODate()).toBe('2026-11-23');
  });

  it('puts each occurrence on its local day', () => {
    const start = weekStart(new Date('2026-11-23T12:00:00Z'), 'Australia/Sydney');
    const days = groupWeek(start, [occ('2026-11-23T13:30:00.000Z', '2026-11-23T15:00:00.000Z')]);
    expect(days).toHaveLength(7);
    // 13:30 UTC is 00:30 next day in Sydney (UTC+11).
    expect(days.find((d) => d.occurrences.length)?.date).toBe('2026-11-24');
    expect(timeRange(days[1]!.occurrences[0]!, 'Australia/Sydney')).toBe('00:30–02:00');
  });

  it('formats local inputs and names a differing viewer zone', () => {
    expect(toLocalInput('2026-07-01T20:00:00.000Z', 'Europe/Berlin')).toBe('2026-07-01T22:00');
    expect(viewerZoneIfDifferent('Europe/Berlin', 'Europe/Berlin')).toBeNull();
    expect(viewerZoneIfDifferent('Europe/Berlin', 'America/New_York')).toBe('America/New_York');
    expect(viewerZoneIfDifferent('Europe/Berlin', undefined)).toBeNull();
  });
});
