import type { ChannelReplay } from '@/types/channel';

/** The archived set's day, the same on the server and in every browser (a replay is not live: its day is enough). */
export function replayDay(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

/** "Replay: <DJ>, <date>": AutoDJ plays an archived set (its own state, not a DJ on air); links to the set's page. */
export function ReplayLine({ replay, slug, className }: { replay: ChannelReplay; slug: string; className?: string }) {
  return (
    <span className={className} data-testid="channel-replay">
      Replay:{' '}
      <a href={`/c/${slug}/sets/${replay.setId}`} className="underline">
        {replay.djName || 'an earlier set'}
      </a>
      , <time dateTime={replay.date}>{replayDay(replay.date)}</time>
    </span>
  );
}
