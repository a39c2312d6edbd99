'use client';
import { type Dispatch, type RefObject, useCallback, useEffect, useReducer, useRef } from 'react';
import {
  publishingReducer,
  initialPublishingState,
  type PublishingAction,
  type PublishingState,
} from '@/lib/client/publishing/publishing-state';
import { startPublishingSession, type PublishingSession, type PublishingSessionEvents } from '@/lib/client/publishing/publishing-session';
import { classifyError, problem } from '@/lib/client/publishing/problems';
import type { SenderSnapshot } from '@/lib/client/publishing/link-stats';

export type Publishing = PublishingState & {
  /** Connect and publish the program track (from the green room: at the slot start). Ignored while a session is starting, live or stopping. */
  goLive: () => Promise<void>;
  /** Unpublish and disconnect (also cancels a pending connect). */
  stop: () => Promise<void>;
  /** Set the DJ's participant attributes in the live session; a no-op when not on air. */
  setAttributes: (attributes: Record<string, string>) => Promise<void>;
  /** The live session's sender stats (connection health); undefined when not on air. */
  senderStats: () => Promise<SenderSnapshot | undefined>;
};

/** One go-live attempt, from token fetch to disconnect. */
type Attempt = { controller: AbortController; session: PublishingSession | null };

/**
 * The DJ side of a channel: token, LiveKit room, publish, and the on-air state machine.
 * `getProgramTrack` is read at go-live time so the current graph output is used.
 * Nothing connects on mount, so strict mode's double effects cannot double-connect;
 * unmount ends any session.
 */
export function usePublishing(channelId: string, getProgramTrack: () => MediaStreamTrack | null): Publishing {
  const [state, dispatch] = useReducer(publishingReducer, initialPublishingState);
  // A ref, not state: a fast double click must see the first click's attempt at once.
  const attemptRef = useRef<Attempt | null>(null);

  const goLive = useCallback(async () => {
    if (attemptRef.current) return;
    dispatch({ type: 'connect' });
    const track = getProgramTrack();
    if (!track) {
      dispatch({ type: 'failed', error: problem('no-device', 'The audio input is not ready yet.') });
      return;
    }
    const attempt: Attempt = { controller: new AbortController(), session: null };
    attemptRef.current = attempt;
    const isCurrent = () => attemptRef.current === attempt;
    try {
      const session = await startPublishingSession(
        channelId,
        track,
        attempt.controller.signal,
        attemptEvents(attemptRef, attempt, dispatch),
      );
      if (!isCurrent()) {
        await session.end(); // stopped or unmounted while connecting
        return;
      }
      attempt.session = session;
      dispatch({ type: 'published', at: Date.now(), slot: session.slot });
    } catch (error) {
      // Aborted means stop() or unmount got there first and reports its own state.
      if (attempt.controller.signal.aborted || !isCurrent()) return;
      attemptRef.current = null;
      dispatch({ type: 'failed', error: classifyError(error) });
    }
  }, [channelId, getProgramTrack]);

  const stop = useCallback(async () => {
    const attempt = attemptRef.current;
    dispatch({ type: 'stop' });
    if (attempt) {
      attempt.controller.abort();
      await attempt.session?.end().catch(() => undefined);
      if (attemptRef.current === attempt) attemptRef.current = null;
    }
    dispatch({ type: 'stopped' });
  }, []);

  useEffect(
    () => () => {
      const attempt = attemptRef.current;
      attemptRef.current = null;
      attempt?.controller.abort();
      void attempt?.session?.end().catch(() => undefined);
    },
    [],
  );

  const setAttributes = useCallback(async (attributes: Record<string, string>) => {
    await attemptRef.current?.session?.setAttributes(attributes);
  }, []);

  const senderStats = useCallback(async () => attemptRef.current?.session?.senderStats(), []);

  return { ...state, goLive, stop, setAttributes, senderStats };
}

/** The session's events, reported only while `attempt` is the current one; a lost session ends it. */
function attemptEvents(
  attemptRef: RefObject<Attempt | null>,
  attempt: Attempt,
  dispatch: Dispatch<PublishingAction>,
): PublishingSessionEvents {
  const isCurrent = () => attemptRef.current === attempt;
  return {
    onWaiting: (slot) => isCurrent() && dispatch({ type: 'waiting', slot }),
    onReconnecting: () => isCurrent() && dispatch({ type: 'reconnecting' }),
    onReconnected: () => isCurrent() && dispatch({ type: 'reconnected' }),
    onLost: (error) => {
      if (!isCurrent()) return;
      attemptRef.current = null;
      dispatch({ type: 'failed', error });
    },
  };
}
