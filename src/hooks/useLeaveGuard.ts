'use client';
import { useEffect } from 'react';
import {
  clickLeavesPage,
  type ClickTarget,
  GUARD_STATE_KEY,
  isGuardEntry,
  LEAVE_WHILE_LIVE_MESSAGE,
  LEAVES_PAGE,
} from '@/lib/client/publishing/leave-guard';

function clickTarget(event: MouseEvent): ClickTarget {
  const element = event.target instanceof Element ? event.target.closest('a[href], [data-leaves-page]') : null;
  if (element instanceof HTMLAnchorElement) {
    return { href: element.href, target: element.target, download: element.hasAttribute('download') };
  }
  return element ? LEAVES_PAGE : null;
}

/**
 * While `active` (e.g. on air), ask before anything takes the DJ away from this page: closing
 * or reloading the tab (the browser's own prompt), in-app links such as the header's and
 * controls marked `data-leaves-page` (Sign out), and the Back button. Any of them would
 * otherwise unmount the console and end the set without a word.
 */
export function useLeaveGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    // Capture phase on document runs before React's and Next's handlers.
    const onClick = (event: MouseEvent) => {
      if (!clickLeavesPage(event, clickTarget(event), new URL(window.location.href))) return;
      if (window.confirm(LEAVE_WHILE_LIVE_MESSAGE)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    // Back cannot be cancelled, so an extra entry for this same page is pushed: Back lands on
    // the entry below it (still this page), and the guard asks there.
    const pushGuard = () => window.history.pushState({ ...window.history.state, [GUARD_STATE_KEY]: true }, '', window.location.href);
    let leaving = false;
    const onPopState = (event: PopStateEvent) => {
      if (leaving || isGuardEntry(event.state)) return;
      if (window.confirm(LEAVE_WHILE_LIVE_MESSAGE)) {
        leaving = true;
        window.history.back();
      } else {
        pushGuard();
      }
    };
    if (!isGuardEntry(window.history.state)) pushGuard();
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick, true);
    };
  }, [active]);
}
