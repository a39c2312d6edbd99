'use client';
import { useMemo } from 'react';
import { useRemoteParticipants } from '@livekit/components-react';
import { RoomEvent, type Room } from 'livekit-client';
import type { LiveTempo } from '@/types/bpm';
import { roomTempo } from '@/lib/client/tempo/tempo-state';

/** Besides joins, leaves and connection changes (always on): attributes, and who is on air. */
const UPDATE_ON = [RoomEvent.ParticipantAttributesChanged, RoomEvent.TrackPublished, RoomEvent.TrackUnpublished];

/**
 * The tempo the DJ publishes in their participant attributes, as a listener in `room` sees it
 * (null: nobody publishes one, or the room is not connected). The room is passed rather than
 * read from RoomContext because the page combines this value outside the provider.
 */
export function useRemoteTempo(room: Room): LiveTempo | null {
  const participants = useRemoteParticipants({ room, updateOnlyOn: UPDATE_ON });
  // The observer hands over a new array on every event, so this recomputes exactly then.
  return useMemo(
    () => roomTempo(participants.map((p) => ({ attributes: p.attributes, publishing: p.audioTrackPublications.size > 0 }))),
    [participants],
  );
}
