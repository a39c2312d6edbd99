/** Asked before an in-app link takes a DJ who is on air away from the console. */
export const LEAVE_WHILE_LIVE_MESSAGE = 'You are on air. Leaving this page ends your set. Leave anyway?';

export type ClickInfo = {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
};
export type AnchorInfo = { href: string; target: string; download: boolean };
/** A control that takes the tab away without being a link (e.g. Sign out): marked `data-leaves-page`. */
export const LEAVES_PAGE = 'leaves-page';
export type ClickTarget = AnchorInfo | typeof LEAVES_PAGE | null;

/**
 * True when this click on this link would navigate the current tab to another page,
 * i.e. unmount the console. Modified clicks, new tabs, downloads and same-page
 * fragment links leave it running.
 */
export function clickLeavesPage(click: ClickInfo, anchor: ClickTarget, current: URL): boolean {
  if (!anchor || click.defaultPrevented || click.button !== 0) return false;
  if (anchor === LEAVES_PAGE) return true;
  if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return false;
  if (anchor.download || (anchor.target !== '' && anchor.target !== '_self')) return false;
  const to = new URL(anchor.href, current);
  return !(to.origin === current.origin && to.pathname === current.pathname && to.search === current.search);
}

/** Marks the extra history entry that lets the guard see the Back button before the page goes. */
export const GUARD_STATE_KEY = '__radioLeaveGuard';

export function isGuardEntry(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Record<string, unknown>)[GUARD_STATE_KEY] === true;
}
