import 'server-only';
import type { HlsHeartbeat } from '@/types/channel';
import { getDb } from '../db/client';
import { notFound, rateLimited } from '../http/errors';
import { clientKey } from '../http/client-key';
import { RateLimiter } from '../http/rate-limit';
import { HlsListenerRegistry } from './hls-listener-registry';

// One registry per process: SQLite already means one app instance.
const globalForRegistry = globalThis as unknown as { radioHlsListeners?: HlsListenerRegistry };
const registry = (globalForRegistry.radioHlsListeners ??= new HlsListenerRegistry());

export const hlsListenerCount = (channelId: string) => registry.count(channelId);

// A player beats every 15 s; this leaves room for a few tabs behind one address.
const limiter = new RateLimiter(60, 60_000);

/** A heartbeat (or goodbye) from an HLS player on the channel with this slug. */
export async function recordHlsHeartbeat(slug: string, beat: HlsHeartbeat, headers: Headers): Promise<void> {
  const retryAfter = limiter.hit(clientKey(headers));
  if (retryAfter !== null) throw rateLimited(retryAfter);
  const channel = await getDb().channel.findUnique({ where: { slug }, select: { id: true } });
  if (!channel) throw notFound('No such channel.');
  if (beat.leaving) registry.leave(channel.id, beat.sessionId);
  else registry.beat(channel.id, beat.sessionId);
}
