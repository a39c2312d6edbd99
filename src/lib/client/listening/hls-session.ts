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

/** One session's mutable state, shared by its steps below. */
type SessionState = {
  readonly getElement: () => HTMLAudioElement | null;
  readonly events: HlsSessionEvents;
  url: string | null;
  active: boolean;
  phase: ListenerPhase;
  hls: Hls | null;
  loadedUrl: string | null;
  unwatch: (() => void) | null;
};

function setPhase(s: SessionState, next: ListenerPhase) {
  s.phase = next;
  s.events.onPhase(next);
}

function teardown(s: SessionState) {
  s.hls?.destroy();
  s.hls = null;
  s.loadedUrl = null;
  const el = s.getElement();
  if (el) {
    el.pause();
    el.removeAttribute('src');
    el.load();
  }
}

async function startPlayback(el: HTMLAudioElement, events: HlsSessionEvents) {
  try {
    await el.play();
    events.onAudioBlocked(false);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'NotAllowedError') events.onAudioBlocked(true);
  }
}

/** (Re)builds playback of the current URL from the live edge; waits when there is none. */
async function load(s: SessionState): Promise<void> {
  const el = s.getElement();
  const src = s.url;
  teardown(s);
  if (!el || !s.active) return;
  if (!src) return setPhase(s, 'waiting');
  s.loadedUrl = src;
  const { default: HlsJs } = await import('hls.js');
  if (!s.active || s.loadedUrl !== src) return;
  if (!HlsJs.isSupported() && canPlayNatively(el)) {
    el.src = src;
    void startPlayback(el, s.events);
    return;
  }
  const player = new HlsJs(LIVE_EDGE_HLS_CONFIG);
  s.hls = player;
  player.on(HlsJs.Events.MANIFEST_PARSED, () => void startPlayback(el, s.events));
  recoverFatalErrors(s, HlsJs, player, el);
  player.loadSource(src);
  player.attachMedia(el);
}

/** Fatal hls.js errors: media errors are repaired, network errors reload fragments, the rest rebuilds. */
function recoverFatalErrors(s: SessionState, HlsJs: typeof Hls, player: Hls, el: HTMLAudioElement) {
  let networkFailures = 0;
  player.on(HlsJs.Events.FRAG_BUFFERED, () => (networkFailures = 0));
  player.on(HlsJs.Events.ERROR, (_event, data) => {
    // Re-dispatched on the element: benchmarks count stalls (bufferStalledError) without reaching hls.js.
    el.dispatchEvent(new CustomEvent('hlserror', { detail: { details: data.details, fatal: data.fatal } }));
    if (!data.fatal || s.hls !== player) return;
    s.events.onRecovery();
    const type = data.type === HlsJs.ErrorTypes.MEDIA_ERROR ? 'media' : data.type === HlsJs.ErrorTypes.NETWORK_ERROR ? 'network' : 'other';
    if (type === 'network') networkFailures += 1;
    const recovery = recoveryFor(type, networkFailures);
    if (recovery === 'repair-media') return player.recoverMediaError();
    setPhase(s, 'reconnecting');
    if (recovery === 'reload-fragments') setTimeout(() => s.hls === player && player.startLoad(-1), 1_000);
    else setTimeout(() => s.hls === player && void load(s), 2_000);
  });
}

/** Phase from the element itself; a watchdog reports the delay and rebuilds playback after a stall. */
function watch(s: SessionState, el: HTMLAudioElement): () => void {
  const onPlaying = () => setPhase(s, 'playing');
  const onWaiting = () => s.phase === 'playing' && setPhase(s, 'waiting');
  el.addEventListener('playing', onPlaying);
  el.addEventListener('waiting', onWaiting);
  let last = { time: el.currentTime, progressAt: Date.now() };
  let delayMs: number | null = null;
  const watchdog = setInterval(() => {
    const delay = s.hls && !el.paused ? hlsDelayMs(s.hls, Date.now()) : null;
    if (delayMoved(delayMs, delay)) s.events.onDelay((delayMs = delay));
    const step = watchdogStep(last, { time: el.currentTime, paused: el.paused, now: Date.now(), hasUrl: s.url !== null && s.url !== '' });
    last = step.last;
    // Progress after a recovered error: hls.js resumed without a new "playing" event.
    if (step.progressed) setPhase(s, 'playing');
    if (step.stalled) {
      s.events.onRecovery();
      setPhase(s, 'reconnecting');
      void load(s);
    }
  }, 1_000);
  return () => {
    el.removeEventListener('playing', onPlaying);
    el.removeEventListener('waiting', onWaiting);
    clearInterval(watchdog);
    s.events.onDelay(null);
  };
}

/** Stops watching and playing, reporting nothing. */
function halt(s: SessionState) {
  s.active = false;
  s.unwatch?.();
  s.unwatch = null;
  teardown(s);
}

/**
 * Plays a live HLS playlist in an audio element: hls.js near the live edge, or the browser's own
 * HLS (Safari) where Media Source is missing. Recovers by itself: network errors reload, media
 * errors are repaired, and a stall or a new playlist URL rebuilds playback from the live edge.
 */
export function createHlsSession(getElement: () => HTMLAudioElement | null, events: HlsSessionEvents): HlsSession {
  const s: SessionState = { getElement, events, url: null, active: false, phase: 'idle', hls: null, loadedUrl: null, unwatch: null };
  return {
    setUrl: (next) => {
      s.url = next;
      if (s.active && next !== s.loadedUrl) void load(s);
    },
    play: () => {
      if (s.active) return;
      s.active = true;
      setPhase(s, 'connecting');
      const el = getElement();
      if (el) s.unwatch = watch(s, el);
      void load(s);
    },
    stop: () => {
      halt(s);
      events.onAudioBlocked(false);
      setPhase(s, 'idle');
    },
    startAudio: () => {
      const el = getElement();
      if (el) void startPlayback(el, events);
    },
    dispose: () => halt(s),
  };
}
