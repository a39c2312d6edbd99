import { describe, expect, it } from 'vitest';
import type { OccurrenceDto, SlotDto } from '@/types/schedule';
import { cancelledOccurrences, groupWeek, timeRange, toLocalInput, viewerZoneIfDifferent, weekLabel, weekStart } from './week';

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

  it('names days and months in one locale, whatever the runtime default', () => {
    const start = weekStart(new Date('2026-09-09T12:00:00Z'), 'UTC');
    expect(weekLabel(start)).toBe('7 Sept 2026');
    expect(groupWeek(start, [])[0]!.label).toBe('Mon 7 Sept');
  });

  it('lists the cancelled occurrences of a week in their zone, the earlier instant in a repeated hour', () => {
    const slot: SlotDto = {
      id: 'a',
      channelId: 'c',
      title: 'Late',
      start: '2026-10-04T02:30:00',
      timeZone: 'Europe/Berlin',
      durationSeconds: 1800,
      repeat: { everyWeeks: 1, until: null },
      hosts: [{ id: 'd', name: 'DJ' }],
      exceptions: [
        { occurrence: '2026-10-25T02:30:00', kind: 'cancel', start: null, durationSeconds: null },
        { occurrence: '2026-10-18T02:30:00', kind: 'move', start: '2026-10-18T04:00:00', durationSeconds: null },
        { occurrence: '2026-11-01T02:30:00', kind: 'cancel', start: null, durationSeconds: null },
      ],
    };
    const week = weekStart(new Date('2026-10-22T12:00:00Z'), 'Europe/Berlin');
    const out = cancelledOccurrences([slot], week, week.plus({ weeks: 1 }));
    // 25 Oct 2026 02:30 happens twice in Berlin (clocks go back at 03:00 CEST): the first is 00:30 UTC.
    expect(out).toEqual([
      {
        slotId: 'a',
        occurrence: '2026-10-25T02:30:00',
        title: 'Late',
        start: '2026-10-25T00:30:00.000Z',
        end: '2026-10-25T01:00:00.000Z',
        hosts: [{ id: 'd', name: 'DJ' }],
        recurring: true,
        moved: false,
        cancelled: true,
      },
    ]);
  });
});
