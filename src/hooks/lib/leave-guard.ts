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

/**
 * True when this click on this link would navigate the current tab to another page,
 * i.e. unmount the console. Modified clicks, new tabs, downloads and same-page
 * fragment links leave it running.
 */
export function clickLeavesPage(click: ClickInfo, anchor: AnchorInfo | null, current: URL): boolean {
  if (!anchor || click.defaultPrevented || click.button !== 0) return false;
  if (click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return false;
  if (anchor.download || (anchor.target !== '' && anchor.target !== '_self')) return false;
  const to = new URL(anchor.href, current);
  return !(to.origin === current.origin && to.pathname === current.pathname && to.search === current.search);
}
