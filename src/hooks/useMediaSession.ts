'use client';
import { useEffect } from 'react';
import type { MediaInfo } from '@/components/listen/on-air-info';

/** The station icon (src/app/icon.svg); the lock screen shows it beside the DJ and channel. */
const ARTWORK: MediaImage[] = [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' }];

export type MediaActions = { play: () => void; stop: () => void };

/** Browsers refuse actions they do not know (older ones: "stop") by throwing. */
function setHandler(session: MediaSession, action: MediaSessionAction, handler: (() => void) | null) {
  try {
    session.setActionHandler(action, handler);
  } catch {
    // Not supported here: the page's own buttons still work.
  }
}

/**
 * The browser's Media Session (lock screen, headset and keyboard media keys): `info` while the
 * player runs (null when stopped), and play / pause / stop wired to the player. A live stream
 * cannot pause, so pause stops it; play starts it again at the live edge.
 */
export function useMediaSession(info: MediaInfo | null, { play, stop }: MediaActions) {
  const title = info?.title;
  const artist = info?.artist;
  const album = info?.album;

  useEffect(() => {
    if (!('mediaSession' in navigator) || title === undefined) return;
    const session = navigator.mediaSession;
    session.metadata = new MediaMetadata({ title, artist, album, artwork: ARTWORK });
    session.playbackState = 'playing';
    return () => {
      session.metadata = null;
      session.playbackState = 'none';
    };
  }, [title, artist, album]);

  useEffect(() => {
    if (!('mediaSession' in navigator)) return;
    const session = navigator.mediaSession;
    const handlers: [MediaSessionAction, () => void][] = [
      ['play', play],
      ['pause', stop],
      ['stop', stop],
    ];
    for (const [action, handler] of handlers) setHandler(session, action, handler);
    return () => {
      for (const [action] of handlers) setHandler(session, action, null);
    };
  }, [play, stop]);
}
