'use client';
import { useCallback } from 'react';
import { getSchedule } from '@/lib/api-client';
import type { OccurrenceDto } from '@/types/schedule';
import { usePolled } from './usePolled';

/** How far ahead the console looks for the DJ's slots (the server renders the same window). */
export const DJ_SCHEDULE_DAYS = 14;
/** Slots change rarely (an admin edit); a minute keeps an open console current. */
const POLL_MS = 60_000;

/**
 * The channel's occurrences from now to DJ_SCHEDULE_DAYS ahead, all hosts included (the
 * console needs who follows the DJ), starting from the server-rendered `initial`.
 */
export function useDjSchedule(slug: string, initial: OccurrenceDto[]): OccurrenceDto[] {
  const load = useCallback(
    async (signal: AbortSignal) => {
      const from = new Date();
      const to = new Date(from.getTime() + DJ_SCHEDULE_DAYS * 86_400_000);
      return (await getSchedule(slug, from.toISOString(), to.toISOString(), signal)).occurrences;
    },
    [slug],
  );
  return usePolled(`dj-schedule:${slug}`, load, POLL_MS, initial).data;
}
