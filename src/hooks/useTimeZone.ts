'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => null;

/**
 * The browser's IANA time zone; null during server render and hydration, so times shown in
 * the viewer's zone are only rendered on the client and never cause a hydration mismatch.
 */
export function useTimeZone(): string | null {
  return useSyncExternalStore(subscribe, browserZone, serverZone);
}
