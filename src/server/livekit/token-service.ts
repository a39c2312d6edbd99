import 'server-only';
import type { TokenRequest, TokenResponse } from '@/types/broadcast';
import { getUserFromHeaders } from '../auth/session';
import { sameDj } from '../channels/dj-account';
import { channelExists, onAirIn } from '../channels/queries';
import { getEnv } from '../env';
import { conflict, forbidden, notFound, rateLimited, unauthorized } from '../http/errors';
import { clientKey } from '../http/client-key';
import { RateLimiter } from '../http/rate-limit';
import { djIdentity, mintToken } from './tokens';

let listenerLimiter: RateLimiter | undefined;

function checkListenerRate(headers: Headers): void {
  const env = getEnv();
  listenerLimiter ??= new RateLimiter(env.LISTENER_TOKEN_RATE_LIMIT, 60_000);
  const retryAfter = listenerLimiter.hit(clientKey(headers));
  if (retryAfter !== null) throw rateLimited(retryAfter);
}

/** One DJ account on air per channel: nobody else gets publish rights there meanwhile. */
async function assertChannelFree(channelId: string, identity: string): Promise<void> {
  const live = await onAirIn(channelId);
  if (live && !sameDj(live.identity, identity)) {
    throw conflict(`${live.name} is on air on this channel. You can go live when their set ends.`);
  }
}

/**
 * Issues a room token for a channel. Listeners are anonymous but rate
 * limited; DJ tokens go to signed-in DJs and admins only.
 */
export async function issueToken(request: TokenRequest, headers: Headers): Promise<TokenResponse> {
  if (request.role === 'listener') {
    checkListenerRate(headers);
    if (!(await channelExists(request.channelId))) throw notFound('No such channel.');
    return mintToken(request.channelId, { role: 'listener' });
  }
  const user = await getUserFromHeaders(headers);
  if (!user) throw unauthorized('Sign in as a DJ to broadcast.');
  if (user.role !== 'dj' && user.role !== 'admin') throw forbidden('Only DJs can broadcast.');
  if (!(await channelExists(request.channelId))) throw notFound('No such channel.');
  if (user.role !== 'admin') await assertChannelFree(request.channelId, djIdentity(user.id));
  return mintToken(request.channelId, { role: 'dj', userId: user.id, name: user.name });
}
