import 'server-only';

/**
 * Whether the live state in the database can be trusted right now. It cannot while
 * LiveKit is unreachable, nor after it restarted until a reconcile has checked every
 * channel again: LiveKit restores a dead node's participants from Redis, so until then
 * a channel could show a DJ or listeners who are long gone.
 *
 * Kept on globalThis: the reconciler runs from instrumentation, which Next bundles
 * apart from the route handlers that read this.
 */
type LiveStatus = { known: boolean; since: Date };

const holder = globalThis as unknown as { radioLiveStatus?: LiveStatus };

function current(): LiveStatus {
  // Unknown until the first reconcile of this process: the app may have been down.
  holder.radioLiveStatus ??= { known: false, since: new Date() };
  return holder.radioLiveStatus;
}

export function liveStateKnown(): boolean {
  return current().known;
}

/** Records a change; returns true when the status flipped (for logging). */
export function setLiveStateKnown(known: boolean, at = new Date()): boolean {
  const status = current();
  if (status.known === known) return false;
  holder.radioLiveStatus = { known, since: at };
  return true;
}
