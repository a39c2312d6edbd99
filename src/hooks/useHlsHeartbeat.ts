'use client';
import { useEffect } from 'react';
import { HLS_HEARTBEAT_MS } from '@/types/channel';
import { newSessionId } from './lib/listen-path';

function send(slug: string, sessionId: string, leaving: boolean): void {
  void fetch(`/api/channels/${encodeURIComponent(slug)}/hls-listeners`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(leaving ? { sessionId, leaving } : { sessionId }),
    // Lets the goodbye leave with a closing tab.
    keepalive: true,
  }).catch(() => undefined);
}

/** While `active`, reports this HLS listener to the app so the listener count includes it. */
export function useHlsHeartbeat(slug: string, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const sessionId = newSessionId();
    send(slug, sessionId, false);
    const timer = setInterval(() => send(slug, sessionId, false), HLS_HEARTBEAT_MS);
    const onHide = () => send(slug, sessionId, true);
    window.addEventListener('pagehide', onHide);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', onHide);
      send(slug, sessionId, true);
    };
  }, [slug, active]);
}
