import 'server-only';
import { processSingleton } from '../singleton';

/**
 * Whether the live state in the database can be trusted right now. It cannot while
 * LiveKit is unreachable, nor after it restarted until a reconcile has checked every
 * channel again: LiveKit restores a dead node's participants from Redis, so until then
 * a channel could show a DJ or listeners who are long gone.
 *
 * A process singleton: the reconciler (the loop) writes it, route handlers read it.
 */
type LiveStatus = { known: boolean; since: Date };

// Unknown until the first reconcile of this process: the app may have been down.
const current = () => processSingleton<LiveStatus>('live-state.status', () => ({ known: false, since: new Date() }));

export function liveStateKnown(): boolean {
  return current().known;
}

/** Records a change; returns true when the status flipped (for logging). */
export function setLiveStateKnown(known: boolean, at = new Date()): boolean {
  const status = current();
  if (status.known === known) return false;
  status.known = known;
  status.since = at;
  return true;
}
