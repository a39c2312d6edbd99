'use client';
import { DateTime } from 'luxon';
import { Card } from '@/components/ui/Card';
import { apiPaths } from '@/lib/api-client/paths';
import type { ChannelSlotInfo } from '@/types/live';
import type { OccurrenceDto } from '@/types/schedule';
import { timeRange } from '@/components/schedule/week';

export type SchedulePanelProps = {
  slug: string;
  zone: string;
  now: ChannelSlotInfo | null;
  next: ChannelSlotInfo | null;
  week: OccurrenceDto[];
};

const when = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('ccc d LLL, HH:mm');
const hosts = (names: string[]) => names.join(' & ');

/** Now, next and the coming week of a channel, in the channel's time zone; with a calendar feed. */
export function SchedulePanel({ slug, zone, now, next, week }: SchedulePanelProps) {
  return (
    <Card
      title="Schedule"
      description={`Times in ${zone}.`}
      actions={
        <a className="text-sm underline" href={apiPaths.scheduleIcs(slug)}>
          Add to calendar
        </a>
      }
    >
      <dl className="mb-4 grid gap-3 sm:grid-cols-2">
        <div>
          <dt className="text-xs font-semibold tracking-widest text-muted uppercase">Now</dt>
          <dd data-testid="schedule-now">
            {now
              ? `${now.title || 'Untitled'} · ${hosts(now.hosts)} · until ${DateTime.fromISO(now.end, { zone }).toFormat('HH:mm')}`
              : 'No slot right now'}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold tracking-widest text-muted uppercase">Next</dt>
          <dd data-testid="schedule-next">
            {next ? `${next.title || 'Untitled'} · ${hosts(next.hosts)} · ${when(next.start, zone)}` : 'Nothing scheduled this week'}
          </dd>
        </div>
      </dl>
      <h3 className="mb-2 text-sm font-semibold text-muted uppercase">Coming week</h3>
      {week.length === 0 ? (
        <p className="text-sm text-muted">No slots in the coming week.</p>
      ) : (
        <ul className="divide-y divide-line text-sm" data-testid="schedule-week">
          {week.map((o) => (
            <li key={`${o.slotId}-${o.occurrence}`} className="flex flex-wrap justify-between gap-2 py-1.5">
              <span>
                {DateTime.fromISO(o.start, { zone }).toFormat('ccc d LLL')} · {timeRange(o, zone)}
              </span>
              <span>
                {o.title || 'Untitled'} · {hosts(o.hosts.map((h) => h.name))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
