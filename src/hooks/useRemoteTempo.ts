'use client';
import { useEffect, useState } from 'react';
import { RoomEvent, type Room } from 'livekit-client';
import { parseTempoAttributes, type LiveTempo } from '@/types/bpm';

/** The tempo the DJ publishes in their participant attributes, for a listener's room (null: none). */
export function useRemoteTempo(room: Room | null): LiveTempo | null {
  const [tempo, setTempo] = useState<LiveTempo | null>(null);

  useEffect(() => {
    if (!room) return;
    const update = () => {
      let found: LiveTempo | null = null;
      for (const p of room.remoteParticipants.values()) {
        found = parseTempoAttributes(p.attributes);
        if (found) break;
      }
      setTempo(found);
    };
    update();
    room
      .on(RoomEvent.ParticipantAttributesChanged, update)
      .on(RoomEvent.ParticipantConnected, update)
      .on(RoomEvent.ParticipantDisconnected, update);
    return () => {
      room
        .off(RoomEvent.ParticipantAttributesChanged, update)
        .off(RoomEvent.ParticipantConnected, update)
        .off(RoomEvent.ParticipantDisconnected, update);
      setTempo(null);
    };
  }, [room]);

  return tempo;
}
