'use client';
import { useCallback, useEffect, useReducer, useRef, useState, type RefObject } from 'react';
import type { RemoteTrack, Room } from 'livekit-client';
import { reconnectDelay, sleep } from './lib/backoff';
import { connectListener, type ListenerSession } from './lib/listener-session';
import { initialListenerState, listenerReducer, type ListenerState } from './lib/listener-state';
import { classifyError, isRetryable, type Problem } from './lib/problems';

export type BroadcastStream = ListenerState & {
  /** Attach to the <audio> element the DJ's track should play through. */
  audioRef: RefObject<HTMLAudioElement | null>;
  /** The browser blocked playback; call `startAudio` from a click. */
  audioBlocked: boolean;
  play: () => void;
  stop: () => void;
  startAudio: () => void;
  /** The connected room (null between sessions), for room state such as the DJ's tempo. */
  room: Room | null;
};

/**
 * The listener side of a channel: joins the room on `play`, plays whatever the DJ publishes,
 * and if the room drops, reconnects with a fresh token and backoff until `stop` or unmount.
 */
export function useBroadcastStream(channelId: string): BroadcastStream {
  const [state, dispatch] = useReducer(listenerReducer, initialListenerState);
  const [audioBlocked, setAudioBlocked] = useState(false);
  const [room, setRoom] = useState<Room | null>(null);
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const runRef = useRef<AbortController | null>(null);
  const sessionRef = useRef<ListenerSession | null>(null);
  const trackRef = useRef<RemoteTrack | null>(null);

  const showTrack = useCallback((track: RemoteTrack | null) => {
    const el = audioRef.current;
    if (trackRef.current && trackRef.current !== track && el) trackRef.current.detach(el);
    trackRef.current = track;
    if (track && el) track.attach(el);
    if (!track && el) el.srcObject = null;
  }, []);

  const run = useCallback(
    async (signal: AbortSignal) => {
      const events = {
        onTrack: (track: RemoteTrack | null) => {
          if (signal.aborted) return;
          showTrack(track);
          dispatch({ type: 'track', present: track !== null });
        },
        onReconnecting: () => dispatch({ type: 'reconnecting', attempt: 1, error: null }),
        onReconnected: () => dispatch({ type: 'connected' }),
        onPlaybackAllowed: (allowed: boolean) => setAudioBlocked(!allowed),
      };
      let attempt = 0;
      while (!signal.aborted) {
        let lost: Problem | null;
        try {
          const session = await connectListener(channelId, signal, events);
          sessionRef.current = session;
          setRoom(session.room);
          attempt = 0;
          dispatch({ type: 'connected' });
          lost = await session.closed;
          sessionRef.current = null;
          setRoom(null);
        } catch (error) {
          lost = classifyError(error);
        }
        if (signal.aborted || lost === null) return;
        if (!isRetryable(lost)) {
          dispatch({ type: 'failed', error: lost });
          runRef.current = null;
          return;
        }
        attempt += 1;
        dispatch({ type: 'reconnecting', attempt, error: lost });
        const wait = Math.max(reconnectDelay(attempt - 1), lost.retryAfterMs ?? 0);
        await sleep(wait, signal).catch(() => undefined);
      }
    },
    [channelId, showTrack],
  );

  const halt = useCallback(() => {
    runRef.current?.abort();
    runRef.current = null;
    void sessionRef.current?.end().catch(() => undefined);
    sessionRef.current = null;
    setRoom(null);
    showTrack(null);
  }, [showTrack]);

  const play = useCallback(() => {
    if (runRef.current) return;
    const controller = new AbortController();
    runRef.current = controller;
    dispatch({ type: 'play' });
    void run(controller.signal);
  }, [run]);

  const stop = useCallback(() => {
    halt();
    setAudioBlocked(false);
    dispatch({ type: 'stop' });
  }, [halt]);

  const startAudio = useCallback(() => {
    void sessionRef.current?.room.startAudio().catch(() => undefined);
    void audioRef.current?.play().catch(() => undefined);
  }, []);

  useEffect(() => halt, [halt]);

  return { ...state, audioRef, audioBlocked, play, stop, startAudio, room };
}
