'use client';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { parseStartTime } from '@/lib/archive/seek-plan';
import { attachVod } from '@/lib/client/listening/vod-player';

/**
 * Binds an <audio> element to a set's VOD playlist, starting at the link's `?t=` if any, and
 * follows its position. `seek` moves (and plays) the recording.
 */
export function useVodPlayer(playlistUrl: string, seconds: number) {
  const ref: RefObject<HTMLAudioElement | null> = useRef(null);
  const [position, setPosition] = useState(0);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let detach: (() => void) | null = null;
    let gone = false;
    const start = parseStartTime(new URLSearchParams(window.location.search).get('t')) ?? 0;
    void attachVod(el, playlistUrl, Math.min(start, seconds)).then((d) => (gone ? d() : (detach = d)));
    const onTime = () => setPosition(el.currentTime);
    el.addEventListener('timeupdate', onTime);
    return () => {
      gone = true;
      detach?.();
      el.removeEventListener('timeupdate', onTime);
    };
  }, [playlistUrl, seconds]);

  const seek = useCallback(
    (offset: number) => {
      const el = ref.current;
      if (!el) return;
      const to = Math.max(0, Math.min(offset, seconds));
      el.currentTime = to;
      // At once, so a second key press steps from here rather than from the last timeupdate.
      setPosition(to);
      void el.play().catch(() => undefined);
    },
    [seconds],
  );

  return { ref, position, seek };
}
