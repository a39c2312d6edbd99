'use client';
import { RoomContext } from '@livekit/components-react';
import { useState } from 'react';
import type { ChannelState } from '@/types/channel';
import type { OccurrenceDto } from '@/types/schedule';
import { Alert } from '@/components/ui/Alert';
import { Card } from '@/components/ui/Card';
import { cx } from '@/components/ui/cx';
import { ListenerCount } from '@/components/channels/ListenerCount';
import { LiveBadge } from '@/components/channels/LiveBadge';
import { OnAirFor } from '@/components/channels/OnAirFor';
import { useChannelStatus } from '@/hooks/useChannelStatus';
import { useRemoteTempo } from '@/hooks/useRemoteTempo';
import { streamTempo } from '@/lib/client/tempo/stream-tempo';
import { ListenerTempo } from '@/components/tempo/ListenerTempo';
import { useListenerPlayer } from '@/hooks/useListenerPlayer';
import { ListenOptions } from './ListenOptions';
import { listenerStatusText } from './listener-status-text';
import { PlayerControls } from './PlayerControls';
import { SchedulePanel } from './SchedulePanel';

/** Public channel page (client leaf): live status, player, listener count. */
export function ListenerPage({ state: initial, week }: { state: ChannelState; week: OccurrenceDto[] }) {
  // While HLS plays, the page's live stream is what counts this listener (HLS is not in the room).
  const [hlsListener, setHlsListener] = useState(false);
  const { state, channel, error: statusError } = useChannelStatus(initial, hlsListener);
  const stream = useListenerPlayer(channel, setHlsListener);
  // In the room: the DJ's attributes. Otherwise (HLS, not playing yet): the tempo the server
  // relays on the channel's live stream, with the pulse shifted by the HLS player's delay.
  const tempo = useRemoteTempo(stream.room) ?? streamTempo(state.extras, stream.hlsDelayMs);
  const { live } = channel;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold tracking-tight">{channel.name}</h1>
          <LiveBadge onAir={live.onAir} known={live.known} />
        </div>
        {channel.description && <p className="max-w-2xl text-muted">{channel.description}</p>}
      </header>

      <Card aria-labelledby="player-heading">
        <h2 id="player-heading" className="sr-only">
          Player
        </h2>
        <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
          <div>
            <p className="text-xs font-semibold tracking-widest text-muted uppercase">Now on air</p>
            {live.onAir ? (
              <p className="mt-1 text-xl font-semibold">
                <span data-testid="channel-dj-name">{live.djName ?? 'Unknown DJ'}</span>{' '}
                <OnAirFor since={live.since} className="text-sm font-normal text-muted" />
              </p>
            ) : (
              <p className="mt-1 text-xl font-semibold text-muted">{live.known ? 'Nobody right now' : 'Status unknown'}</p>
            )}
          </div>
          <div className="flex flex-col items-end gap-1">
            <ListenerCount count={live.listeners} className="text-sm" />
            <ListenerTempo tempo={tempo} />
          </div>
        </div>

        {/* The room's React bindings (RoomAudioRenderer) read it from here. */}
        <RoomContext.Provider value={stream.room}>
          <PlayerControls
            phase={stream.phase}
            audioBlocked={stream.audioBlocked}
            hlsAudioRef={stream.hlsAudioRef}
            onPlay={stream.play}
            onStop={stream.stop}
            onStartAudio={stream.startAudio}
          />
        </RoomContext.Provider>

        <p
          data-testid="listener-status"
          data-state={stream.phase}
          aria-live="polite"
          className={cx('mt-4 flex items-center gap-2 text-sm', stream.phase === 'error' ? 'text-danger' : 'text-muted')}
        >
          {stream.phase === 'playing' && (
            <span aria-hidden="true" className="size-2 rounded-full bg-ok motion-safe:animate-pulse" />
          )}
          {listenerStatusText(stream, live.onAir)}
        </p>

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
