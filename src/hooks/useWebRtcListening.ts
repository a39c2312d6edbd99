'use client';
import { type Dispatch, type RefObject, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useAudioPlayback } from '@livekit/components-react';
import { Room } from 'livekit-client';
import { reconnectDelay, sleep } from '@/lib/client/backoff';
import { connectListener, LISTENER_ROOM_OPTIONS, type ListenerSession } from '@/lib/client/listening/listener-session';
import { initialListenerState, listenerReducer, type ListenerAction, type ListenerState } from '@/lib/client/listening/listener-state';
import { classifyError, isRetryable, type Problem } from '@/lib/client/publishing/problems';

export type WebRtcListening = ListenerState & {
  /** The browser blocked playback; call `startAudio` from a click. */
  audioBlocked: boolean;
  play: () => void;
  stop: () => void;
  startAudio: () => void;
  /**
   * The page's Room, one for the component's lifetime (connected only between play and stop):
   * provide it through components-react's RoomContext to RoomAudioRenderer and room hooks.
   */
  room: Room;
};

/**
 * The listener side of a channel: joins the room on `play` and, if the room drops, reconnects
 * with a fresh token and backoff until `stop` or unmount. Audio is rendered by RoomAudioRenderer
 * from the room; this hook owns the session (token, connect, retries) and the phase.
 */
export function useWebRtcListening(channelId: string): WebRtcListening {
  const [state, dispatch] = useReducer(listenerReducer, initialListenerState);
  // One Room, reused by every session: nothing connects until play, so strict mode's
  // double render only makes a spare, unconnected Room.
  const [room] = useState(() => new Room(LISTENER_ROOM_OPTIONS));
  const { canPlayAudio, startAudio: startRoomAudio } = useAudioPlayback(room);
  const runRef = useRef<AbortController | null>(null);
  const sessionRef = useRef<ListenerSession | null>(null);

  const halt = useCallback(() => {
    runRef.current?.abort();
    runRef.current = null;
    void sessionRef.current?.end().catch(() => undefined);
    sessionRef.current = null;
  }, []);

  const play = useCallback(() => {
    if (runRef.current) return;
    const controller = new AbortController();
    runRef.current = controller;
    dispatch({ type: 'play' });
    const failed = () => {
      runRef.current = null;
    };
    void listen(room, channelId, controller.signal, { dispatch, sessionRef, failed });
  }, [channelId, room]);

  const stop = useCallback(() => {
    halt();
    dispatch({ type: 'stop' });
  }, [halt]);

  const startAudio = useCallback(() => void startRoomAudio().catch(() => undefined), [startRoomAudio]);

  useEffect(() => halt, [halt]);

  return { ...state, audioBlocked: !canPlayAudio, play, stop, startAudio, room };
}

/**
 * Sessions one after another until `signal` aborts: after a drop it reconnects with a fresh token and
 * backoff; a problem that is not worth a retry ends it as failed (`to.failed` then runs).
 */
async function listen(
  room: Room,
  channelId: string,
  signal: AbortSignal,
  to: { dispatch: Dispatch<ListenerAction>; sessionRef: RefObject<ListenerSession | null>; failed: () => void },
): Promise<void> {
  const { dispatch, sessionRef } = to;
  const events = {
    onAudio: (present: boolean) => !signal.aborted && dispatch({ type: 'track', present }),
    onReconnecting: () => dispatch({ type: 'reconnecting', attempt: 1, error: null }),
    onReconnected: () => dispatch({ type: 'connected' }),
  };
  let attempt = 0;
  while (!signal.aborted) {
    let lost: Problem | null;
    try {
      const session = await connectListener(room, channelId, signal, events);
      sessionRef.current = session;
      attempt = 0;
      dispatch({ type: 'connected' });
      lost = await session.closed;
      sessionRef.current = null;
    } catch (error) {
      lost = classifyError(error);
    }
    if (signal.aborted || lost === null) return;
    if (!isRetryable(lost)) {
      dispatch({ type: 'failed', error: lost });
      to.failed();
      return;
    }
    attempt += 1;
    dispatch({ type: 'reconnecting', attempt, error: lost });
    const wait = Math.max(reconnectDelay(attempt - 1), lost.retryAfterMs ?? 0);
    await sleep(wait, signal).catch(() => undefined);
  }
}
