import { Room, RoomEvent, Track, type RemoteTrack } from 'livekit-client';
import { subscribeIfAudio } from './audio-only';
import { describeDisconnect, type Problem } from './problems';
import { fetchToken } from './token';

export type ListenerSessionEvents = {
  /** The audio track to play now (latest subscribed), or null when no DJ is publishing. */
  onTrack: (track: RemoteTrack | null) => void;
  onReconnecting: () => void;
  onReconnected: () => void;
  /** False when the browser blocked playback until a click (autoplay policy). */
  onPlaybackAllowed: (allowed: boolean) => void;
};

export type ListenerSession = {
  room: Room;
  /** Resolves when the room disconnects: why, or null when we hung up. */
  closed: Promise<Problem | null>;
  end: () => Promise<void>;
};

/**
 * Join a channel's room as a hidden, subscribe-only listener with a freshly fetched token,
 * subscribing to audio tracks only.
 * Stays connected while the DJ comes and goes; tracks are reported through `onTrack`.
 */
export async function connectListener(
  channelId: string,
  signal: AbortSignal,
  events: ListenerSessionEvents,
): Promise<ListenerSession> {
  const token = await fetchToken(channelId, 'listener', signal);
  signal.throwIfAborted();

  const room = new Room({ adaptiveStream: false, dynacast: false, disconnectOnPageLeave: true });
  const audio: RemoteTrack[] = [];
  const report = () => events.onTrack(audio.at(-1) ?? null);
  let resolveClosed: (p: Problem | null) => void = () => undefined;
  const closed = new Promise<Problem | null>((resolve) => (resolveClosed = resolve));

  room
    .on(RoomEvent.TrackPublished, subscribeIfAudio)
    .on(RoomEvent.TrackSubscribed, (track) => {
      if (track.kind !== Track.Kind.Audio) return;
      audio.push(track);
      report();
    })
    .on(RoomEvent.TrackUnsubscribed, (track) => {
      const i = audio.indexOf(track);
      if (i === -1) return;
      audio.splice(i, 1);
      report();
    })
    .on(RoomEvent.AudioPlaybackStatusChanged, () => events.onPlaybackAllowed(room.canPlaybackAudio))
    .on(RoomEvent.Reconnecting, events.onReconnecting)
    .on(RoomEvent.Reconnected, events.onReconnected)
    .on(RoomEvent.Disconnected, (reason) => {
      audio.length = 0;
      report();
      resolveClosed(describeDisconnect(reason));
    });

  const end = () => room.disconnect();
  const onAbort = () => void end();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await room.connect(token.serverUrl, token.token, { autoSubscribe: false });
    signal.throwIfAborted();
    // Tracks published before we joined; later ones arrive through TrackPublished.
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) subscribeIfAudio(publication);
    }
  } catch (error) {
    await end();
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  events.onPlaybackAllowed(room.canPlaybackAudio);
  return { room, closed, end };
}
