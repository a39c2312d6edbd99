'use client';
import { useMemo } from 'react';
import { type DjSlot, type Follow, followOf, liveWindow, mySlots } from '@/components/console/next-slot-plan';
import type { SlotWindow } from '@/lib/client/publishing/publishing-state';
import type { OccurrenceDto } from '@/types/schedule';
import { useDjSchedule } from './useDjSchedule';

export type DjSlots = {
  /** The DJ's slots on the channel not yet over, soonest first (the first may be running). */
  mine: DjSlot[];
  next: DjSlot | null;
  /** The window the on-air countdown runs to, and who follows at its end. */
  window: SlotWindow;
  follow: Follow;
};

/** The DJ's slots on one channel, from its (polled) schedule, relative to the session's slot and `now`. */
export function useDjSlots(slug: string, userId: string, initial: OccurrenceDto[], session: SlotWindow, now: number | null): DjSlots {
  const occurrences = useDjSchedule(slug, initial);
  // Before mount (`now` null) every listed slot counts: the server rendered the same list.
  const t = now ?? 0;
  const mine = useMemo(() => mySlots(occurrences, userId, t), [occurrences, userId, t]);
  const window = liveWindow(session, mine, t);
  const follow = useMemo<Follow>(
    () => (window ? followOf(occurrences, window.end, userId) : { kind: 'none' }),
    [occurrences, window, userId],
  );
  return { mine, next: mine[0] ?? null, window, follow };
}
