import { DateTime } from 'luxon';
import type { OccurrenceDto, SlotDto } from '@/types/schedule';

/** Names of days and months in one fixed locale: the server's and the browser's defaults differ (a hydration mismatch). */
const LOCALE = { locale: 'en-GB' } as const;

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
      label: day.toFormat('ccc d LLL', LOCALE),
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

/** "Mon 23 Nov 2026" style date label in a fixed locale (see LOCALE). */
export const weekLabel = (start: DateTime) => start.toFormat('d LLL yyyy', LOCALE);

/** The instant a local wall-clock time names in a zone; the earlier one in a repeated hour, as the server picks. */
function localInstant(local: string, zone: string): DateTime {
  const dt = DateTime.fromISO(local, { zone });
  const candidates = dt.getPossibleOffsets();
  return candidates.length > 1 ? candidates[0]! : dt;
}

/**
 * The cancelled occurrences of the slots that start in [from, to), shaped like the schedule's
 * occurrences so the calendar can show them (struck through, with Restore). The public schedule
 * leaves them out; admins see them here, from the slot rules they already hold.
 */
export function cancelledOccurrences(slots: SlotDto[], from: DateTime, to: DateTime): OccurrenceDto[] {
  const out: { at: number; o: OccurrenceDto }[] = [];
  for (const slot of slots) {
    for (const e of slot.exceptions) {
      if (e.kind !== 'cancel') continue;
      const start = localInstant(e.occurrence, slot.timeZone);
      if (start < from || start >= to) continue;
      const o: OccurrenceDto = {
        slotId: slot.id,
        occurrence: e.occurrence,
        title: slot.title,
        start: start.toUTC().toISO() ?? '',
        end: start.plus({ seconds: slot.durationSeconds }).toUTC().toISO() ?? '',
        hosts: slot.hosts,
        recurring: slot.repeat !== null,
        moved: false,
        cancelled: true,
      };
      out.push({ at: start.toMillis(), o });
    }
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.o);
}
