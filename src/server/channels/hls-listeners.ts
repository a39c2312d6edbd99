import 'server-only';
import { clientGroupKey } from '../http';
import { TASKS, wake } from '../loop';
import { processSingleton } from '../singleton';
import { HlsListenerRegistry } from './hls-listener-registry';

// One registry per process (SQLite already means one app instance): the streams count, the loop reads.
const registry = processSingleton('channels.hls-streams', () => new HlsListenerRegistry());

export const hlsListenerCount = (channelId: string) => registry.count(channelId);

/**
 * Counts the live update stream of a listener page that plays HLS. Returns the release to
 * call when the stream closes, or null when its client address is at the cap (the stream
 * is still served, only not counted). Either change reaches every stream at once.
 */
export function countHlsStream(channelId: string, headers: Headers): (() => void) | null {
  // Per IPv4 address or IPv6 /64: every address of one network is one client.
  const release = registry.open(channelId, clientGroupKey(headers));
  if (!release) return null;
  wake(TASKS.streams);
  return () => {
    release();
    wake(TASKS.streams);
  };
}
