import type { TrackDto } from '@/types/now-playing';

const clock = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A set's tracks as its DJ announced them, with the time each started (in the viewer's zone). */
export function SetTracks({ tracks }: { tracks: readonly TrackDto[] }) {
  if (!tracks.length) {
    return (
      <p data-testid="set-tracks" data-count={0} className="text-sm text-muted">
        No tracks were announced in this set.
      </p>
    );
  }
  return (
    <ol data-testid="set-tracks" data-count={tracks.length} className="flex flex-col gap-1 text-sm">
      {tracks.map((t, i) => (
        <li key={`${t.startedAt}-${i}`} data-testid="set-track" className="flex gap-3">
          <time dateTime={t.startedAt} className="shrink-0 font-mono text-muted tabular-nums">
            {clock(t.startedAt)}
          </time>
          <span className="min-w-0 break-words">{t.title}</span>
        </li>
      ))}
    </ol>
  );
}
