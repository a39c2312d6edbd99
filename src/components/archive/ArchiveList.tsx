'use client';
import Link from 'next/link';
import { dayTimeIn, timeView, zoneLabel } from '@/components/listen/listener-times';
import { useViewerZone } from '@/hooks/useViewerZone';
import { formatClock } from '@/lib/client/format-duration';
import type { ArchivedSet } from '@/types/archive';
import { setName } from '@/lib/archive/set-name';

/** The archive's sets, newest first, with times in the listener's zone once the browser gives it. */
export function ArchiveList({ slug, sets, timeZone }: { slug: string; sets: ArchivedSet[]; timeZone: string }) {
  const view = timeView(useViewerZone(), timeZone);
  if (!sets.length) return <p className="text-sm text-muted">No sets match.</p>;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-xs text-muted">{zoneLabel(view)}</p>
      <ul className="flex flex-col divide-y divide-line" data-testid="archive-list">
        {sets.map((s) => (
          <li key={s.id} data-testid="archive-set" data-set-id={s.id} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
            <Link href={`/c/${slug}/sets/${s.id}`} className="font-medium underline">
              {setName(s)}
            </Link>
            <span className="text-sm text-muted tabular-nums">
              {s.title && s.hosts.length ? `${s.hosts.join(' & ')} · ` : ''}
              <time dateTime={s.startedAt}>{dayTimeIn(s.startedAt, view, null)}</time> · {formatClock(s.seconds * 1000)}
              {s.bpm ? ` · ${s.bpm.toFixed(1)} BPM` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
