import Link from 'next/link';
import { DateTime } from 'luxon';
import { Card } from '@/components/ui/Card';
import type { OccurrenceDto } from '@/types/schedule';
import { timeRange } from './week';

export type UpcomingSlot = { channel: { slug: string; name: string; timeZone: string }; occurrence: OccurrenceDto };

/** A DJ's coming slots on every channel, each in its channel's zone, linking to the console. */
export function UpcomingSlots({ slots }: { slots: UpcomingSlot[] }) {
  return (
    <Card title="Your upcoming slots" description="You can connect from 10 minutes before a slot starts and go on air when it starts.">
      {slots.length === 0 ? (
        <p className="text-sm text-muted">No slots in the next two weeks. Ask an admin for one.</p>
      ) : (
        <ul className="divide-y divide-line text-sm" data-testid="upcoming-slots">
          {slots.map(({ channel, occurrence: o }) => (
            <li key={`${o.slotId}-${o.occurrence}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {DateTime.fromISO(o.start, { zone: channel.timeZone }).toFormat('ccc d LLL')} · {timeRange(o, channel.timeZone)} (
                {channel.timeZone})
              </span>
              <span>
                {o.title || 'Untitled'} on{' '}
                <Link className="underline" href={`/dj/${channel.slug}`}>
                  {channel.name}
                </Link>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
