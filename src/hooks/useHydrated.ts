'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False during the server render and hydration, true afterwards. Anything that depends on the
 * browser (its time zone, locale, Intl data) renders only when this is true, so the server's HTML
 * and the first client render agree and React never throws the page away (typed input would go with it).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
