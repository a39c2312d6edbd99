import type Hls from 'hls.js';
import { hlsDelayMs } from '@/lib/client/tempo/stream-tempo';
import { LIVE_EDGE_HLS_CONFIG } from './hls-config';
import type { ListenerPhase } from './listener-state';

/** No progress for this long while playing means stuck: rebuild the player from the playlist. */
export const STALL_MS = 6_000;
/** Fatal network errors repaired by reloading fragments before playback is rebuilt. */
const NETWORK_RELOADS = 3;

export type HlsSessionEvents = {
  onPhase: (phase: ListenerPhase) => void;
  /** The browser blocked playback; `startAudio` from a click unlocks it. */
  onAudioBlocked: (blocked: boolean) => void;
  /** Playback was rebuilt or repaired after a stall or a fatal error. */
  onRecovery: () => void;
  /** Best-effort delay behind live in ms, null when unknown; only moves the pulse would show. */
  onDelay: (delayMs: number | null) => void;
};

export type HlsSession = {
  /** The playlist to play; a new one (a new on-air period or a restarted egress) is followed at once. */
  setUrl: (url: string | null) => void;
  play: () => void;
  stop: () => void;
  startAudio: () => void;
  /** Unmount: stop without reporting anything; `play` may start again later. */
  dispose: () => void;
};

/** What a fatal hls.js error leads to. */
export type Recovery = 'repair-media' | 'reload-fragments' | 'rebuild';

/** A media error is repaired in place; network errors reload fragments three times, then rebuild. */
export function recoveryFor(type: 'media' | 'network' | 'other', networkFailures: number): Recovery {
  if (type === 'media') return 'repair-media';
  if (type === 'network' && networkFailures < NETWORK_RELOADS + 1) return 'reload-fragments';
  return 'rebuild';
}

/** Whether a new delay is worth a re-render (the beat pulse moves by more than 50 ms). */
export const delayMoved = (previous: number | null, next: number | null) =>
  previous === null || next === null || Math.abs(previous - next) > 50;

/** One watchdog tick: progress (or pause) resets the stall clock; no progress for STALL_MS is a stall. */
export function watchdogStep(
  last: { time: number; progressAt: number },
  sample: { time: number; paused: boolean; now: number; hasUrl: boolean },
): { last: { time: number; progressAt: number }; progressed: boolean; stalled: boolean } {
  if (sample.time !== last.time || sample.paused) {
    return { last: { time: sample.time, progressAt: sample.now }, progressed: !sample.paused && sample.time !== last.time, stalled: false };
  }
  if (sample.hasUrl && sample.now - last.progressAt > STALL_MS)
    return { last: { time: last.time, progressAt: sample.now }, progressed: false, stalled: true };
  return { last, progressed: false, stalled: false };
}

const canPlayNatively = (el: HTMLAudioElement) => el.canPlayType('application/vnd.apple.mpegurl') !== '';

/**
 * Plays a live HLS playlist in an audio element: hls.js near the live edge, or the browser's own
 * HLS (Safari) where Media Source is missing. Recovers by itself: network errors reload, media
 * errors are repaired, and a stall or a new playlist URL rebuilds playback from the live edge.
 */
export function createHlsSession(getElement: () => HTMLAudioElement | null, events: HlsSessionEvents): HlsSession {
  let url: string | null = null;
  let active = false;
  let phase: ListenerPhase = 'idle';
  let hls: Hls | null = null;
  let loadedUrl: string | null = null;
  let unwatch: (() => void) | null = null;

  const setPhase = (next: ListenerPhase) => {
    phase = next;
    events.onPhase(next);
  };
  const teardown = () => {
    hls?.destroy();
    hls = null;
    loadedUrl = null;
    const el = getElement();
    if (el) {
      el.pause();
      el.removeAttribute('src');
      el.load();
    }
  };
  const startPlayback = async (el: HTMLAudioElement) => {
    try {
      await el.play();
      events.onAudioBlocked(false);
    } catch (err) {
      if (err instanceof DOMException && err.name === 'NotAllowedError') events.onAudioBlocked(true);
    }
  };

  const load = async (): Promise<void> => {
    const el = getElement();
    const src = url;
    teardown();
    if (!el || !active) return;
    if (!src) return setPhase('waiting');
    loadedUrl = src;
    const { default: HlsJs } = await import('hls.js');
    if (!active || loadedUrl !== src) return;
    if (!HlsJs.isSupported() && canPlayNatively(el)) {
      el.src = src;
      void startPlayback(el);
      return;
    }
    const player = new HlsJs(LIVE_EDGE_HLS_CONFIG);
    hls = player;
    let networkFailures = 0;
    player.on(HlsJs.Events.MANIFEST_PARSED, () => void startPlayback(el));
    player.on(HlsJs.Events.FRAG_BUFFERED, () => (networkFailures = 0));
    player.on(HlsJs.Events.ERROR, (_event, data) => {
      // Re-dispatched on the element: benchmarks count stalls (bufferStalledError) without reaching hls.js.
      el.dispatchEvent(new CustomEvent('hlserror', { detail: { details: data.details, fatal: data.fatal } }));
      if (!data.fatal || hls !== player) return;
      events.onRecovery();
      const type =
        data.type === HlsJs.ErrorTypes.MEDIA_ERROR ? 'media' : data.type === HlsJs.ErrorTypes.NETWORK_ERROR ? 'network' : 'other';
      if (type === 'network') networkFailures += 1;
      const recovery = recoveryFor(type, networkFailures);
      if (recovery === 'repair-media') return player.recoverMediaError();
      setPhase('reconnecting');
      if (recovery === 'reload-fragments') setTimeout(() => hls === player && player.startLoad(-1), 1_000);
      else setTimeout(() => hls === player && void load(), 2_000);
    });
    player.loadSource(src);
    player.attachMedia(el);
  };

  // Phase from the element itself; a watchdog rebuilds playback after a stall.
  const watch = (el: HTMLAudioElement) => {
    const onPlaying = () => setPhase('playing');
    const onWaiting = () => phase === 'playing' && setPhase('waiting');
    el.addEventListener('playing', onPlaying);
    el.addEventListener('waiting', onWaiting);
    let last = { time: el.currentTime, progressAt: Date.now() };
    let delayMs: number | null = null;
    const watchdog = setInterval(() => {
      const delay = hls && !el.paused ? hlsDelayMs(hls, Date.now()) : null;
      if (delayMoved(delayMs, delay)) events.onDelay((delayMs = delay));
      const step = watchdogStep(last, { time: el.currentTime, paused: el.paused, now: Date.now(), hasUrl: url !== null && url !== '' });
      last = step.last;
      // Progress after a recovered error: hls.js resumed without a new "playing" event.
      if (step.progressed) setPhase('playing');
      if (step.stalled) {
        events.onRecovery();
        setPhase('reconnecting');
        void load();
      }
    }, 1_000);
    return () => {
      el.removeEventListener('playing', onPlaying);
      el.removeEventListener('waiting', onWaiting);
      clearInterval(watchdog);
      events.onDelay(null);
    };
  };
  const unwatchNow = () => {
    unwatch?.();
    unwatch = null;
  };

  return {
    setUrl: (next) => {
      url = next;
      if (active && next !== loadedUrl) void load();
    },
    play: () => {
      if (active) return;
      active = true;
      setPhase('connecting');
      const el = getElement();
      if (el) unwatch = watch(el);
      void load();
    },
    stop: () => {
      active = false;
      unwatchNow();
      teardown();
      events.onAudioBlocked(false);
      setPhase('idle');
    },
    startAudio: () => {
      const el = getElement();
      if (el) void startPlayback(el);
    },
    dispose: () => {
      active = false;
      unwatchNow();
      teardown();
    },
  };
}
