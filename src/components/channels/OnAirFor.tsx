'use client';
import { useNow } from '@/hooks/useNow';
import { formatOnAirFor } from '@/lib/client/format-duration';

/** "on air for 12 min", rendered only after hydration (server and client clocks differ). */
export function OnAirFor({ since, className }: { since: string | null; className?: string }) {
  const now = useNow();
  const text = now === null ? null : formatOnAirFor(since, now);
  if (!text || !since) return null;
  return (
    <time dateTime={since} className={className}>
      {text}
    </time>
  );
}
