'use client';
import { useEffect } from 'react';
import { clickLeavesPage, LEAVE_WHILE_LIVE_MESSAGE } from './lib/leave-guard';

/**
 * While `active` (e.g. on air), ask before anything takes the DJ away from this page: closing
 * or reloading the tab (the browser's own prompt) and in-app links such as the header's, which
 * would otherwise unmount the console and end the set without a word.
 */
export function useLeaveGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    // Capture phase on document runs before React's and Next's Link handlers.
    const onClick = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      const info =
        anchor instanceof HTMLAnchorElement
          ? { href: anchor.href, target: anchor.target, download: anchor.hasAttribute('download') }
          : null;
      if (!clickLeavesPage(event, info, new URL(window.location.href))) return;
      if (window.confirm(LEAVE_WHILE_LIVE_MESSAGE)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [active]);
}
