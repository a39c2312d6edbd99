'use client';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type Hls from 'hls.js';
import { LIVE_EDGE_HLS_CONFIG } from '@/lib/client/listening/hls-config';
import { hlsDelayMs } from '@/lib/client/tempo/stream-tempo';
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

/** No progress for this long while playing means stuck: rebuild the player from the playlist. */
const STALL_MS = 6_000;

const canPlayNatively = (el: HTMLAudioElement) => el.canPlayType('application/vnd.apple.mpegurl') !== '';

/**
 * Plays a live HLS playlist in the audio element: hls.js near the live edge, or
 * the browser's own HLS (Safari) where Media Source is missing. Recovers by
 * itself: network errors reload, media errors are repaired, and a stall or a new
 * playlist URL (the egress restarted) rebuilds playback from the live edge.
 */
export function useHlsListening(url: string | null): HlsListening {
  const [phase, setPhase] = useState<ListenerPhase>('idle');
  const [audioBlocked, setAudioBlocked] = useState(false);
  const [recoveries, setRecoveries] = useState(0);
  const [delayMs, setDelayMs] = useState<number | null>(null);
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const hlsRef = useRef<Hls | null>(null);
  const urlRef = useRef(url);
  const activeRef = useRef(false);
  const loadedUrlRef = useRef<string | null>(null);

  const teardown = useCallback(() => {
    hlsRef.current?.destroy();
    hlsRef.current = null;
    loadedUrlRef.current = null;
    const el = audioRef.current;
    if (el) {
      el.pause();
      el.removeAttribute('src');
      el.load();
    }
  }, []);

  const startPlayback = useCallback(async (el: HTMLAudioElement) => {
    try {
      await el.play();
      setAudioBlocked(false);
    } catch (err) {
      if (err instanceof DOMException && err.name === 'NotAllowedError') setAudioBlocked(true);
    }
  }, []);

  const load = useCallback(async () => {
    const el = audioRef.current;
    const src = urlRef.current;
    teardown();
    if (!el || !activeRef.current) return;
    if (!src) {
      setPhase('waiting');
      return;
    }
    loadedUrlRef.current = src;
    const { default: HlsJs } = await import('hls.js');
    if (!activeRef.current || loadedUrlRef.current !== src) return;
    if (!HlsJs.isSupported() && canPlayNatively(el)) {
      el.src = src;
      void startPlayback(el);
      return;
    }
    const hls = new HlsJs(LIVE_EDGE_HLS_CONFIG);
    hlsRef.current = hls;
    let networkFailures = 0;
    hls.on(HlsJs.Events.MANIFEST_PARSED, () => void startPlayback(el));
    hls.on(HlsJs.Events.FRAG_BUFFERED, () => (networkFailures = 0));
    hls.on(HlsJs.Events.ERROR, (_event, data) => {
      // Re-dispatched on the element: benchmarks count stalls (bufferStalledError) without reaching hls.js.
      el.dispatchEvent(new CustomEvent('hlserror', { detail: { details: data.details, fatal: data.fatal } }));
      if (!data.fatal || hlsRef.current !== hls) return;
      setRecoveries((n) => n + 1);
      if (data.type === HlsJs.ErrorTypes.MEDIA_ERROR) {
        hls.recoverMediaError();
      } else if (data.type === HlsJs.ErrorTypes.NETWORK_ERROR && ++networkFailures < 4) {
        setPhase('reconnecting');
        setTimeout(() => hlsRef.current === hls && hls.startLoad(-1), 1_000);
      } else {
        setPhase('reconnecting');
        setTimeout(() => hlsRef.current === hls && void load(), 2_000);
      }
    });
    hls.loadSource(src);
    hls.attachMedia(el);
  }, [startPlayback, teardown]);

  // Phase from the element itself; a watchdog rebuilds playback after a stall.
  const running = phase !== 'idle' && phase !== 'error';
  useEffect(() => {
    if (!running) return;
    const el = audioRef.current;
    if (!el) return;
    const onPlaying = () => setPhase('playing');
    const onWaiting = () => setPhase((p) => (p === 'playing' ? 'waiting' : p));
    el.addEventListener('playing', onPlaying);
    el.addEventListener('waiting', onWaiting);
    let lastTime = el.currentTime;
    let lastProgress = Date.now();
    const watchdog = setInterval(() => {
      const hls = hlsRef.current;
      const delay = hls && !el.paused ? hlsDelayMs(hls, Date.now()) : null;
      // Re-render only for a move the pulse would show.
      setDelayMs((d) => (d === null || delay === null || Math.abs(d - delay) > 50 ? delay : d));
      if (el.currentTime !== lastTime || el.paused) {
        // Progress after a recovered error: hls.js resumed without a new "playing" event.
        if (!el.paused && el.currentTime !== lastTime) setPhase('playing');
        lastTime = el.currentTime;
        lastProgress = Date.now();
      } else if (urlRef.current && Date.now() - lastProgress > STALL_MS) {
        lastProgress = Date.now();
        setRecoveries((n) => n + 1);
        setPhase('reconnecting');
        void load();
      }
    }, 1_000);
    return () => {
      el.removeEventListener('playing', onPlaying);
      el.removeEventListener('waiting', onWaiting);
      clearInterval(watchdog);
      setDelayMs(null);
    };
  }, [running, load]);

  // A new broadcast or a restarted egress has a new playlist: follow it.
  useEffect(() => {
    urlRef.current = url;
    if (activeRef.current && url !== loadedUrlRef.current) void load();
  }, [url, load]);

  const play = useCallback(() => {
    if (activeRef.current) return;
    activeRef.current = true;
    setPhase('connecting');
    void load();
  }, [load]);

  const stop = useCallback(() => {
    activeRef.current = false;
    teardown();
    setAudioBlocked(false);
    setPhase('idle');
  }, [teardown]);

  const startAudio = useCallback(() => {
    if (audioRef.current) void startPlayback(audioRef.current);
  }, [startPlayback]);

  useEffect(
    () => () => {
      activeRef.current = false;
      teardown();
    },
    [teardown],
  );

  return { phase, audioRef, audioBlocked, recoveries, delayMs, play, stop, startAudio };
}
