'use client';
import { useState } from 'react';
import type { ChannelState } from '@/types/live';
import { LiveBadge } from '@/components/channels/LiveBadge';
import { useChannelStatus } from '@/hooks/useChannelStatus';
import { useListenerPlayer } from '@/hooks/useListenerPlayer';
import { NowPlayingLine } from '@/components/listen/NowPlayingLine';
import { StreamPlayer } from '@/components/listen/StreamPlayer';
import { channelPath } from '@/lib/share/links';

/**
 * The embeddable player (client leaf of /embed/<slug>): channel name, on-air state and DJ,
 * Play/Stop, over the channel page's own hooks (WebRTC, HLS fallback, live updates).
 * Links open the station in a new tab: the frame belongs to the site that embeds it.
 */
export function EmbedPlayer({ state: initial, siteName }: { state: ChannelState; siteName: string }) {
  // As on the channel page: while HLS plays, the live stream counts this listener.
  const [hlsListener, setHlsListener] = useState(false);
  const { channel, state } = useChannelStatus(initial, hlsListener);
  const stream = useListenerPlayer(channel, setHlsListener);
  const { live } = channel;

  return (
    <div data-testid="embed-player" className="flex flex-col gap-2 rounded-lg border border-line bg-panel p-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-lg font-bold tracking-tight">
          <a href={channelPath(channel.slug)} target="_blank" rel="noopener" className="hover:underline">
            {channel.name}
          </a>
        </h1>
        <LiveBadge onAir={live.onAir} known={live.known} replay={Boolean(live.replay)} />
        <p className="text-sm text-muted">
          {live.onAir ? (
            <>
              with{' '}
              <span data-testid="channel-dj-name" className="font-medium text-ink">
                {live.djName ?? 'Unknown DJ'}
              </span>
            </>
          ) : live.known ? (
            'Nobody on air right now'
          ) : null}
        </p>
        <a href="/" target="_blank" rel="noopener" className="ml-auto text-xs text-muted hover:underline">
          {siteName}
        </a>
      </div>
      {live.onAir && <NowPlayingLine playing={state.extras.nowPlaying} compact />}
      <StreamPlayer stream={stream} onAir={live.onAir} replay={Boolean(live.replay)} />
    </div>
  );
}
