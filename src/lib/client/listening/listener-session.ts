import { type DisconnectReason, type RemoteTrack, type Room, RoomEvent, Track, type TrackPublication } from 'livekit-client';
import { subscribeIfAudio } from './audio-only';
import { describeDisconnect, type Problem } from '@/lib/client/publishing/problems';
import { fetchToken } from '@/lib/api-client';

/** Options of the listener's Room: one audio track, nothing to adapt. */
export const LISTENER_ROOM_OPTIONS = { adaptiveStream: false, dynacast: false, disconnectOnPageLeave: true } as const;

export type ListenerSessionEvents = {
  /** Whether a DJ audio track is subscribed now (RoomAudioRenderer plays it). */
  onAudio: (present: boolean) => void;
  onReconnecting: () => void;
  onReconnected: () => void;
};

export type ListenerSession = {
  /** Resolves when the room disconnects: why, or null when we hung up. */
  closed: Promise<Problem | null>;
  end: () => Promise<void>;
};

/**
 * Join a channel's room (the page's one Room, reused across sessions) as a hidden,
 * subscribe-only listener with a freshly fetched token, subscribing to audio tracks only.
 * Stays connected while the DJ comes and goes; whether a track plays is reported through
 * `onAudio`. This session's room listeners go when the room disconnects.
 */
export async function connectListener(
  room: Room,
  channelId: string,
  signal: AbortSignal,
  events: ListenerSessionEvents,
): Promise<ListenerSession> {
  const token = await fetchToken(channelId, 'listener', signal);
  signal.throwIfAborted();
  // A hang-up still in flight must finish first, or its Disconnected would end this session.
  await room.disconnect();
  signal.throwIfAborted();

  const { closed, detach } = followRoom(room, events);

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
    detach(); // a connect that failed before connecting emits no Disconnected
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return { closed, end };
}

/**
 * This session's room listeners: audio-only subscription, whether a DJ track plays (`onAudio`),
 * reconnects, and `closed`, which resolves on Disconnected (the listeners go then, or by `detach`).
 */
function followRoom(room: Room, events: ListenerSessionEvents): { closed: Promise<Problem | null>; detach: () => void } {
  const audio = new Set<RemoteTrack>();
  // A track the server holds muted (an OBS set in its green room) is subscribed but silent: not audio yet.
  const report = () => events.onAudio([...audio].some((t) => !t.isMuted));
  const onSubscribed = (track: RemoteTrack) => {
    if (track.kind !== Track.Kind.Audio) return;
    audio.add(track);
    report();
  };
  const onUnsubscribed = (track: RemoteTrack) => {
    if (audio.delete(track)) report();
  };
  const onMuteChanged = (publication: TrackPublication) => {
    if (publication.track && audio.has(publication.track as RemoteTrack)) report();
  };
  let resolveClosed: (p: Problem | null) => void = () => undefined;
  const closed = new Promise<Problem | null>((resolve) => (resolveClosed = resolve));
  const onDisconnected = (reason?: DisconnectReason) => {
    detach();
    audio.clear();
    events.onAudio(false);
    resolveClosed(describeDisconnect(reason));
  };
  const detach = () => {
    room
      .off(RoomEvent.TrackPublished, subscribeIfAudio)
      .off(RoomEvent.TrackSubscribed, onSubscribed)
      .off(RoomEvent.TrackUnsubscribed, onUnsubscribed)
      .off(RoomEvent.TrackMuted, onMuteChanged)
      .off(RoomEvent.TrackUnmuted, onMuteChanged)
      .off(RoomEvent.Reconnecting, events.onReconnecting)
      .off(RoomEvent.Reconnected, events.onReconnected)
      .off(RoomEvent.Disconnected, onDisconnected);
  };
  room
    .on(RoomEvent.TrackPublished, subscribeIfAudio)
    .on(RoomEvent.TrackSubscribed, onSubscribed)
    .on(RoomEvent.TrackUnsubscribed, onUnsubscribed)
    .on(RoomEvent.TrackMuted, onMuteChanged)
    .on(RoomEvent.TrackUnmuted, onMuteChanged)
    .on(RoomEvent.Reconnecting, events.onReconnecting)
    .on(RoomEvent.Reconnected, events.onReconnected)
    .on(RoomEvent.Disconnected, onDisconnected);

  return { closed, detach };
}
