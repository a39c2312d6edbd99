'use client';
import Link from 'next/link';
import { Card } from '@/components/ui/Card';
import type { UpcomingSlot } from '@/types/schedule';
import { useNow } from '@/hooks/useNow';
import { useViewerZone } from '@/hooks/useViewerZone';
import { nextSlotCountdown, slotInZones } from './slot-text';

const ms = (o: UpcomingSlot['occurrence']) => ({
  key: `${o.slotId}@${o.occurrence}`,
  title: o.title,
  start: Date.parse(o.start),
  end: Date.parse(o.end),
});

/**
 * /dj's list of the DJ's coming slots on every channel, in the DJ's own (browser) zone with each
 * channel's zone named, and a countdown to the next. Zone and clock text render after mount only.
 */
export function DjUpcomingSlots({ slots }: { slots: UpcomingSlot[] }) {
  const now = useNow(15_000);
  const zone = useViewerZone();
  const current = now === null ? slots : slots.filter(({ occurrence }) => Date.parse(occurrence.end) > now);
  const first = current[0];
  return (
    <Card title="Your upcoming slots" description="You can connect from 10 minutes before a slot starts and go on air when it starts.">
      {current.length === 0 ? (
        <p className="text-sm text-muted">No slots in the next two weeks. Ask an admin for one.</p>
      ) : (
        <>
          <p data-testid="next-slot-countdown" className="mb-2 font-medium">
            {first && now !== null ? `${nextSlotCountdown(ms(first.occurrence), now)} on ${first.channel.name}` : '\u00a0'}
          </p>
          <ul className="divide-y divide-line text-sm" data-testid="upcoming-slots">
            {current.map(({ channel, occurrence: o }) => (
              <li key={`${o.slotId}-${o.occurrence}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>{zone ? slotInZones(ms(o), zone, channel.timeZone) : '\u00a0'}</span>
                <span>
                  {o.title || 'Untitled'} on{' '}
                  <Link className="underline" href={`/dj/${channel.slug}`}>
                    {channel.name}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
