'use client';
import type { ChannelSummary } from '@/types/channel';
import { Alert } from '@/components/ui/Alert';
import { useChannels } from '@/hooks/useChannels';
import { ChannelCard } from './ChannelCard';

export type ChannelListProps = {
  /** Server-rendered list; refreshed by polling. */
  initialChannels: ChannelSummary[];
  /** "/c/" for listeners, "/dj/" for the DJ console; the slug is appended. */
  linkBase: '/c/' | '/dj/';
  actionLabel: string;
  /** Shown under "No channels yet". */
  emptyHint?: string;
};

/** Live grid of channels (client leaf of the home and DJ index pages). */
export function ChannelList({ initialChannels, linkBase, actionLabel, emptyHint }: ChannelListProps) {
  const { channels, error } = useChannels(initialChannels);
  const liveCount = channels.filter((c) => c.live.onAir).length;

  return (
    <div className="flex flex-col gap-4">
      <p aria-live="polite" className="text-sm text-muted">
        {channels.length === 0
          ? null
          : liveCount === 0
            ? 'No channel is on air right now.'
            : `${liveCount} of ${channels.length} ${channels.length === 1 ? 'channel' : 'channels'} on air.`}
      </p>
      {error && (
        <Alert tone="warning" title="Live status is out of date">
          The server could not be reached; showing the last known state.
        </Alert>
      )}
      {channels.length === 0 ? (
        <div className="rounded-xl border border-dashed border-line p-10 text-center">
          <p className="font-semibold">No channels yet</p>
          {emptyHint && <p className="mt-1 text-sm text-muted">{emptyHint}</p>}
        </div>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {channels.map((channel) => (
            <ChannelCard key={channel.id} channel={channel} href={`${linkBase}${channel.slug}`} actionLabel={actionLabel} />
          ))}
        </ul>
      )}
    </div>
  );
}
