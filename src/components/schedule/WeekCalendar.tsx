'use client';
import { Button } from '@/components/ui/Button';
import type { OccurrenceDto } from '@/types/schedule';
import { groupWeek, timeRange, type WeekDay, weekLabel } from './week';
import type { DateTime } from 'luxon';

export type WeekCalendarProps = {
  start: DateTime;
  occurrences: OccurrenceDto[];
  zone: string;
  /** The viewer's own zone when it differs from the channel's. */
  viewerZone: string | null;
  onWeek: (delta: number) => void;
  /** Admin actions on one occurrence; omitted on public pages. */
  onCancel?: (o: OccurrenceDto) => void;
  onMove?: (o: OccurrenceDto) => void;
  /** Brings back a cancelled occurrence (admins see cancelled ones, marked). */
  onRestore?: (o: OccurrenceDto) => void;
};

/** Seven day columns in the channel's zone, each listing its slots. */
export function WeekCalendar({ start, occurrences, zone, viewerZone, onWeek, ...actions }: WeekCalendarProps) {
  const days: WeekDay[] = groupWeek(start, occurrences);
  return (
    <div data-testid="week-calendar">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium">
          Week of {weekLabel(start)} · times in {zone}
          {viewerZone && <span className="text-muted"> (your zone: {viewerZone})</span>}
        </p>
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" onClick={() => onWeek(-1)}>
            ← Previous week
          </Button>
          <Button size="sm" variant="secondary" onClick={() => onWeek(1)}>
            Next week →
          </Button>
        </div>
      </div>
      <ol className="grid gap-2 sm:grid-cols-7">
        {days.map((day) => (
          <li key={day.date} className="min-h-24 rounded-lg border border-line p-2">
            <p className="mb-1 text-xs font-semibold text-muted uppercase">{day.label}</p>
            <ul className="flex flex-col gap-1.5">
              {day.occurrences.map((o) => (
                <li
                  key={`${o.slotId}-${o.occurrence}${o.cancelled ? '-cancelled' : ''}`}
                  className="rounded-md bg-bg p-1.5 text-xs"
                  data-testid="calendar-occurrence"
                  data-cancelled={o.cancelled ? 'true' : undefined}
                >
                  <p className="font-mono">{timeRange(o, zone)}</p>
                  {viewerZone && <p className="font-mono text-muted">{timeRange(o, viewerZone)} yours</p>}
                  <p className={`font-medium ${o.cancelled ? 'line-through' : ''}`}>{o.title || 'Untitled'}</p>
                  <p className="text-muted">{o.hosts.map((h) => h.name).join(', ')}</p>
                  {o.moved && <p className="text-muted italic">moved</p>}
                  {o.cancelled && <p className="font-semibold uppercase">Cancelled</p>}
                  <OccurrenceActions o={o} {...actions} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}

type OccurrenceActionsProps = Pick<WeekCalendarProps, 'onCancel' | 'onMove' | 'onRestore'> & { o: OccurrenceDto };

/** Move and Cancel for a scheduled occurrence, Restore for a cancelled one (admins only). */
function OccurrenceActions({ o, onCancel, onMove, onRestore }: OccurrenceActionsProps) {
  const buttons = o.cancelled
    ? [onRestore && { label: 'Restore', run: onRestore }]
    : [onMove && { label: 'Move', run: onMove }, onCancel && { label: 'Cancel', run: onCancel }];
  const shown = buttons.filter((b): b is { label: string; run: (o: OccurrenceDto) => void } => Boolean(b));
  if (shown.length === 0) return null;
  return (
    <div className="mt-1 flex gap-2">
      {shown.map((b) => (
        <button key={b.label} type="button" className="underline" onClick={() => b.run(o)}>
          {b.label}
        </button>
      ))}
    </div>
  );
}
