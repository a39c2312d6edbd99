import { Room, RoomEvent } from 'livekit-client';
import { describeDisconnect, problem, type Problem } from './problems';
import { PROGRAM_PUBLISH_OPTIONS } from './publish-options';
import { fetchToken } from './token';

export type BroadcastSessionEvents = {
  onReconnecting: () => void;
  onReconnected: () => void;
  /** The server or network ended the session (not called after `end()`). */
  onLost: (problem: Problem) => void;
};

export type BroadcastSession = {
  end: () => Promise<void>;
  /** Set the DJ's participant attributes (the grant has canUpdateOwnMetadata). */
  setAttributes: (attributes: Record<string, string>) => Promise<void>;
};

/**
 * Connect the DJ to the channel's room and publish `programTrack`.
 * A clone is published so LiveKit may stop it on unpublish/disconnect without
 * touching the graph's own output track (which keeps feeding the meters and the next set).
 * Aborting `signal` tears everything down and rejects.
 */
export async function startBroadcastSession(
  channelId: string,
  programTrack: MediaStreamTrack,
  signal: AbortSignal,
  events: BroadcastSessionEvents,
): Promise<BroadcastSession> {
  const token = await fetchToken(channelId, 'dj', signal);
  signal.throwIfAborted();

  let ended = false;
  const room = new Room({ disconnectOnPageLeave: true, stopLocalTrackOnUnpublish: true });
  const end = async () => {
    ended = true;
    await room.disconnect();
  };
  room
    .on(RoomEvent.Reconnecting, () => !ended && events.onReconnecting())
    .on(RoomEvent.Reconnected, () => !ended && events.onReconnected())
    .on(RoomEvent.Disconnected, (reason) => {
      if (ended) return;
      ended = true;
      events.onLost(describeDisconnect(reason) ?? problem('disconnected'));
    });

  const onAbort = () => void end();
  signal.addEventListener('abort', onAbort, { once: true });
  const track = programTrack.clone();
  try {
    // The DJ token cannot subscribe; don't try.
    await room.connect(token.serverUrl, token.token, { autoSubscribe: false });
    signal.throwIfAborted();
    await room.localParticipant.publishTrack(track, PROGRAM_PUBLISH_OPTIONS);
    signal.throwIfAborted();
  } catch (error) {
    track.stop();
    await end();
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return { end, setAttributes: (attributes) => room.localParticipant.setAttributes(attributes) };
}
