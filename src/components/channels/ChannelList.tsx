'use client';
import type { ChannelListResponse } from '@/types/channel';
import { Alert } from '@/components/ui/Alert';
import { useChannels } from '@/hooks/useChannels';
import { ChannelCard } from './ChannelCard';
import { ChannelPager, ChannelSearch, type ListPath } from './ChannelListNav';

export type ChannelListProps = {
  /** The server-rendered page of the list; refreshed by polling. */
  initial: ChannelListResponse;
  /** The page the list is on ("/" or "/dj"), for search and page links. */
  listPath: ListPath;
  /** "/c/" for listeners, "/dj/" for the DJ console; the slug is appended. */
  linkBase: '/c/' | '/dj/';
  actionLabel: string;
  /** Shown under "No channels yet". */
  emptyHint?: string;
};

function summary({ total, onAir, q }: ChannelListResponse): string | null {
  if (total === 0) return null;
  const noun = total === 1 ? 'channel' : 'channels';
  const found = q ? `${total} ${noun} match “${q}”` : `${total} ${noun}`;
  return onAir === 0 ? `${found}; none on air right now.` : `${found}; ${onAir} on air.`;
}

/** Live grid of one page of channels, with search and pages (client leaf of the home and DJ index pages). */
export function ChannelList({ initial, listPath, linkBase, actionLabel, emptyHint }: ChannelListProps) {
  const { list, error } = useChannels(initial);
  const searching = list.q !== '';

  return (
    <div className="flex flex-col gap-4">
      {(list.total > 0 || searching) && <ChannelSearch listPath={listPath} q={list.q} />}
      <p aria-live="polite" data-testid="channel-list-summary" className="text-sm text-muted">
        {summary(list)}
      </p>
      {error && (
        <Alert tone="warning" title="Live status is out of date">
          The server could not be reached; showing the last known state.
        </Alert>
      )}
      {list.total === 0 ? (
        <div className="rounded-xl border border-dashed border-line p-10 text-center">
          <p className="font-semibold">{searching ? `No channel matches “${list.q}”` : 'No channels yet'}</p>
          {!searching && emptyHint && <p className="mt-1 text-sm text-muted">{emptyHint}</p>}
        </div>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {list.channels.map((channel) => (
            <ChannelCard key={channel.id} channel={channel} href={`${linkBase}${channel.slug}`} actionLabel={actionLabel} />
          ))}
        </ul>
      )}
      <ChannelPager listPath={listPath} page={list.page} pageCount={list.pageCount} q={list.q} />
    </div>
  );
}
