'use client';
import { type RefObject, useEffect } from 'react';

const ARTWORK: MediaImage[] = [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' }];

function setHandler(session: MediaSession, action: MediaSessionAction, handler: MediaSessionActionHandler | null) {
  try {
    session.setActionHandler(action, handler);
  } catch {
    // Not supported here: the page's own controls still work.
  }
}

/**
 * The Media Session of a recorded set: show, DJ(s) and channel on the lock screen while it plays,
 * with play, pause, seek and skip 30 s (unlike the live player, a recording can pause and seek).
 */
export function useSetMediaSession(ref: RefObject<HTMLAudioElement | null>, info: { title: string; artist: string; album: string }) {
  const { title, artist, album } = info;
  useEffect(() => {
    const el = ref.current;
    if (!el || !('mediaSession' in navigator)) return;
    const session = navigator.mediaSession;
    const onPlay = () => {
      session.metadata = new MediaMetadata({ title, artist, album, artwork: ARTWORK });
      session.playbackState = 'playing';
    };
    const onPause = () => (session.playbackState = 'paused');
    el.addEventListener('play', onPlay);
    el.addEventListener('pause', onPause);
    const skip = (by: number) => () => (el.currentTime = Math.max(0, el.currentTime + by));
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => void el.play()],
      ['pause', () => el.pause()],
      ['seekbackward', skip(-30)],
      ['seekforward', skip(30)],
      ['seekto', (d) => d.seekTime !== undefined && (el.currentTime = d.seekTime)],
    ];
    for (const [a, h] of handlers) setHandler(session, a, h);
    return () => {
      el.removeEventListener('play', onPlay);
      el.removeEventListener('pause', onPause);
      for (const [a] of handlers) setHandler(session, a, null);
      session.metadata = null;
      session.playbackState = 'none';
    };
  }, [ref, title, artist, album]);
}
