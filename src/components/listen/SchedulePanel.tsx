'use client';
import { Card } from '@/components/ui/Card';
import { useNow } from '@/hooks/useNow';
import { useViewerZone } from '@/hooks/useViewerZone';
import { apiPaths } from '@/lib/api-client/paths';
import type { ChannelSlotInfo } from '@/types/live';
import type { OccurrenceDto } from '@/types/schedule';
import { timeRange } from '@/components/schedule/week';
import { channelClock, clockIn, dayIn, dayTimeIn, timeView, type TimeView, zoneLabel } from './listener-times';

export type SchedulePanelProps = {
  slug: string;
  /** The channel's zone: shown until the browser's is known, and named beside it after. */
  zone: string;
  now: ChannelSlotInfo | null;
  next: ChannelSlotInfo | null;
  week: OccurrenceDto[];
};

const hosts = (names: string[]) => names.join(' & ');

/**
 * Now, next and the coming week of a channel, in the listener's time zone (the channel's during
 * server render and hydration, which cannot know it), labelled; with a calendar feed.
 */
export function SchedulePanel({ slug, zone, now, next, week }: SchedulePanelProps) {
  const view = timeView(useViewerZone(), zone);
  const nowMs = useNow(60_000);
  return (
    <Card
      title="Schedule"
      description={
        <span data-testid="schedule-zone" data-zone={view.zone} data-yours={view.yours}>
          {zoneLabel(view)}
        </span>
      }
      actions={
        <span className="flex gap-3">
          <a className="text-sm underline" href={`/c/${encodeURIComponent(slug)}/sets`} data-testid="archive-link">
            Listen again
          </a>
          <a className="text-sm underline" href={apiPaths.scheduleIcs(slug)}>
            Add to calendar
          </a>
        </span>
      }
    >
      <dl className="mb-4 grid gap-3 sm:grid-cols-2">
        <div>
          <dt className="text-xs font-semibold tracking-widest text-muted uppercase">Now</dt>
          <dd data-testid="schedule-now">
            {now ? `${now.title || 'Untitled'} · ${hosts(now.hosts)} · until ${clockIn(now.end, view)}` : 'No slot right now'}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold tracking-widest text-muted uppercase">Next</dt>
          <dd data-testid="schedule-next">{next ? <NextSlot slot={next} view={view} nowMs={nowMs} /> : 'Nothing scheduled'}</dd>
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
                {dayIn(o.start, view)} · {timeRange(o, view.zone)}
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

/** The next slot, when it starts in the shown zone, and on the channel's clock when that reads differently. */
function NextSlot({ slot, view, nowMs }: { slot: ChannelSlotInfo; view: TimeView; nowMs: number | null }) {
  const theirs = channelClock(slot.start, view);
  return (
    <>
      {slot.title || 'Untitled'} · {hosts(slot.hosts)} ·{' '}
      <time dateTime={slot.start} data-testid="schedule-next-time">
        {dayTimeIn(slot.start, view, nowMs)}
      </time>
      {theirs && <span className="text-muted"> ({theirs})</span>}
    </>
  );
}
