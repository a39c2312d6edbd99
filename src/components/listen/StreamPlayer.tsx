'use client';
import { RoomContext } from '@livekit/components-react';
import type { useListenerPlayer } from '@/hooks/useListenerPlayer';
import { ListenerStatusLine } from './ListenerStatusLine';
import { PlayerControls } from './PlayerControls';

/** The player as the channel page and the embed show it: controls over the room, then the status line. */
export function StreamPlayer({
  stream,
  onAir,
  replay = false,
}: {
  stream: ReturnType<typeof useListenerPlayer>;
  onAir: boolean;
  replay?: boolean;
}) {
  return (
    <>
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
      <ListenerStatusLine stream={stream} onAir={onAir} replay={replay} />
    </>
  );
}
