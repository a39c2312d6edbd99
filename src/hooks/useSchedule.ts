'use client';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, getSchedule } from '@/lib/api-client';
import type { ScheduleResponse } from '@/types/schedule';

/** A channel's public schedule for [from, to); `reload` after a change. Stale answers are dropped. */
export function useSchedule(slug: string, from: string, to: string, initial: ScheduleResponse | null = null) {
  const [data, setData] = useState<ScheduleResponse | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getSchedule(slug, from, to, controller.signal)
      .then((next) => {
        setData(next);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof ApiError ? e.message : 'Could not load the schedule.');
      });
    return () => controller.abort();
  }, [slug, from, to, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { schedule: data, error, reload };
}
