'use client';
import { useSyncExternalStore } from 'react';

// The zone does not change while the page is open, so there is nothing to subscribe to.
const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
const serverZone = () => null;

/**
 * The browser's IANA time zone. Null on the server and through hydration (the server cannot
 * know it), then the browser's: React re-renders once after hydration, without a mismatch.
 */
export function useViewerZone(): string | null {
  return useSyncExternalStore(subscribe, browserZone, serverZone);
}
