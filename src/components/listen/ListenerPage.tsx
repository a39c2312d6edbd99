'use client';
import { useState } from 'react';
import type { ChannelState } from '@/types/live';
import type { OccurrenceDto } from '@/types/schedule';
import { Alert } from '@/components/ui/Alert';
import { Card } from '@/components/ui/Card';
import { LiveBadge } from '@/components/channels/LiveBadge';
import { ShareControls } from '@/components/share/ShareControls';
import { useChannelStatus } from '@/hooks/useChannelStatus';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';
import { useMediaSession } from '@/hooks/useMediaSession';
import { useRemoteTempo } from '@/hooks/useRemoteTempo';
import { streamTempo } from '@/lib/client/tempo/stream-tempo';
import { useListenerPlayer } from '@/hooks/useListenerPlayer';
import { FollowButton } from './FollowButton';
import { ListenOptions } from './ListenOptions';
import { NowOnAir } from './NowOnAir';
import { liveTabTitle, mediaInfo } from './on-air-info';
import { SchedulePanel } from './SchedulePanel';
import { StreamPlayer } from './StreamPlayer';

/** Public channel page (client leaf): live status, player, listener count. */
export function ListenerPage({ state: initial, week, pushKey }: { state: ChannelState; week: OccurrenceDto[]; pushKey: string | null }) {
  // While HLS plays, the page's live stream is what counts this listener (HLS is not in the room).
  const [hlsListener, setHlsListener] = useState(false);
  const { state, channel, error: statusError } = useChannelStatus(initial, hlsListener);
  const stream = useListenerPlayer(channel, setHlsListener);
  // In the room: the DJ's attributes. Otherwise (HLS, not playing yet): the tempo the server
  // relays on the channel's live stream, with the pulse shifted by the HLS player's delay.
  const tempo = useRemoteTempo(stream.room) ?? streamTempo(state.extras.tempo, stream.hlsDelayMs);
  const { live } = channel;
  const active = stream.phase !== 'idle' && stream.phase !== 'error';
  useMediaSession(active ? mediaInfo(channel, state.now, state.extras.nowPlaying) : null, { play: stream.play, stop: stream.stop });
  useDocumentTitle(liveTabTitle(channel));

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold tracking-tight">{channel.name}</h1>
          <LiveBadge onAir={live.onAir} known={live.known} replay={Boolean(live.replay)} />
        </div>
        {channel.description && <p className="max-w-2xl text-muted">{channel.description}</p>}
        <ShareControls slug={channel.slug} name={channel.name} />
        <FollowButton slug={channel.slug} name={channel.name} pushKey={pushKey} />
      </header>

      <Card aria-labelledby="player-heading">
        <h2 id="player-heading" className="sr-only">
          Player
        </h2>
        <NowOnAir live={live} tempo={tempo} playing={state.extras.nowPlaying} slug={channel.slug} />
        <StreamPlayer stream={stream} onAir={live.onAir} replay={Boolean(live.replay)} />

        <ListenOptions
          slug={channel.slug}
          mode={stream.mode}
          path={stream.path}
          fellBack={stream.fellBack}
          hlsAvailable={live.hls !== null}
          onMode={stream.setMode}
        />
      </Card>

      <SchedulePanel slug={channel.slug} zone={channel.timeZone} now={state.now} next={state.next} week={week} />

      {statusError && (
        <Alert tone="warning" title="Live status is out of date">
          The server could not be reached; showing the last known state.
        </Alert>
      )}
    </div>
  );
}
