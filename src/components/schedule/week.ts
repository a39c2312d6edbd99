import { DateTime } from 'luxon';
import type { OccurrenceDto } from '@/types/schedule';

export type WeekDay = { date: string; label: string; occurrences: OccurrenceDto[] };

/** Monday 00:00 (in `zone`) of the week holding `at`, shifted by `offsetWeeks`. */
export function weekStart(at: Date, zone: string, offsetWeeks = 0): DateTime {
  return DateTime.fromJSDate(at, { zone }).startOf('week').plus({ weeks: offsetWeeks });
}

/** The seven days of a week in the channel's zone, each with the occurrences starting that day. */
export function groupWeek(start: DateTime, occurrences: OccurrenceDto[]): WeekDay[] {
  return Array.from({ length: 7 }, (_, i) => {
    const day = start.plus({ days: i });
    const date = day.toISODate() ?? '';
    return {
      date,
      label: day.toFormat('ccc d LLL'),
      occurrences: occurrences.filter((o) => DateTime.fromISO(o.start, { zone: start.zone }).toISODate() === date),
    };
  });
}

/** "22:00–23:30" in a zone (seconds shown only when a slot has them). */
export function timeRange(o: { start: string; end: string }, zone: string): string {
  const fmt = (iso: string) => {
    const d = DateTime.fromISO(iso, { zone });
    return d.second ? d.toFormat('HH:mm:ss') : d.toFormat('HH:mm');
  };
  return `${fmt(o.start)}–${fmt(o.end)}`;
}

/** The viewer's zone when it differs from the channel's, for a "your time" hint. */
export function viewerZoneIfDifferent(channelZone: string, viewerZone: string | undefined): string | null {
  if (!viewerZone) return null;
  const now = DateTime.now();
  return now.setZone(viewerZone).offset === now.setZone(channelZone).offset && viewerZone === channelZone ? null : viewerZone;
}

/** A local wall-clock input value ("2026-11-22T22:00") for an instant in a zone. */
export const toLocalInput = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
