'use client';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { createHlsSession } from '@/lib/client/listening/hls-session';
import type { ListenerPhase } from '@/lib/client/listening/listener-state';

export type HlsListening = {
  phase: ListenerPhase;
  audioRef: RefObject<HTMLAudioElement | null>;
  /** The browser blocked playback; call `startAudio` from a click. */
  audioBlocked: boolean;
  /** Times playback was rebuilt after a stall or error (shown nowhere; tests and benchmarks read it). */
  recoveries: number;
  /** Best-effort delay behind live in ms (lines the stream's beat pulse up with what is heard), null when unknown. */
  delayMs: number | null;
  play: () => void;
  stop: () => void;
  startAudio: () => void;
};

/** Plays a live HLS playlist in the returned audio element: the React binding of the HLS session. */
export function useHlsListening(url: string | null): HlsListening {
  const [phase, setPhase] = useState<ListenerPhase>('idle');
  const [audioBlocked, setAudioBlocked] = useState(false);
  const [recoveries, setRecoveries] = useState(0);
  const [delayMs, setDelayMs] = useState<number | null>(null);
  const audioRef = useRef<HTMLAudioElement | null>(null);
  // eslint-disable-next-line react-hooks/refs -- the session calls the getter only when it plays (after mount), never while being created.
  const [session] = useState(() =>
    createHlsSession(() => audioRef.current, {
      onPhase: setPhase,
      onAudioBlocked: setAudioBlocked,
      onRecovery: () => setRecoveries((n) => n + 1),
      onDelay: setDelayMs,
    }),
  );

  // A new on-air period or a restarted egress has a new playlist: follow it.
  useEffect(() => session.setUrl(url), [session, url]);
  useEffect(() => () => session.dispose(), [session]);

  return { phase, audioRef, audioBlocked, recoveries, delayMs, play: session.play, stop: session.stop, startAudio: session.startAudio };
}
