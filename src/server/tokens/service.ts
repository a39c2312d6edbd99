import 'server-only';
import type { TokenRequest, TokenResponse } from '@/types/room';
import { ACCESS_ATTRIBUTE, UNTIL_ATTRIBUTE } from '@/types/schedule';
import { audit } from '../audit';
import { getUserFromHeaders } from '../auth';
import { channelExists } from '../channels';
import { getDb } from '../db';
import { getEnv } from '../env';
import { forbidden, notFound, rateLimited, unauthorized, clientKey, RateLimiter } from '../http';
import { decideDjAccess } from '../schedule';
import { mintToken } from '../livekit';

let listenerLimiter: RateLimiter | undefined;

async function checkListenerRate(headers: Headers): Promise<void> {
  const env = getEnv();
  listenerLimiter ??= new RateLimiter('listener-token', env.LISTENER_TOKEN_RATE_LIMIT, 60_000);
  const retryAfter = await listenerLimiter.hit(clientKey(headers));
  if (retryAfter !== null) throw rateLimited(retryAfter);
}

/**
 * Issues a room token for a channel. Listeners are anonymous but rate limited.
 * DJs get one only inside their own slot or its green room; admins always, as an
 * audited emergency override. No DJ or admin token carries publish rights: the server
 * grants them once LiveKit reports the join and the account was checked (schedule's
 * admitDj, and the enforcement loop at a green room's slot start), so a token kept past a
 * disable or a kick never sends a sound. The attributes tell the console what to expect.
 */
export async function issueToken(request: TokenRequest, headers: Headers): Promise<TokenResponse> {
  if (request.role === 'listener') {
    await checkListenerRate(headers);
    if (!(await channelExists(request.channelId))) throw notFound('No such channel.');
    return mintToken(request.channelId, { role: 'listener' });
  }
  const user = await getUserFromHeaders(headers);
  if (!user) throw unauthorized('Sign in as a DJ to broadcast.');
  if (user.role !== 'dj' && user.role !== 'admin') throw forbidden('Only DJs can broadcast.');
  const channel = await getDb().channel.findUnique({ where: { id: request.channelId }, select: { id: true, name: true, timeZone: true } });
  if (!channel) throw notFound('No such channel.');

  const base = { role: 'dj', userId: user.id, name: user.name } as const;
  if (user.role === 'admin') {
    await audit({
      actor: { id: user.id, name: user.name },
      action: 'override',
      channel,
      detail: 'admin token (publishing granted at join)',
    });
    const token = await mintToken(channel.id, { ...base, canPublish: false, attributes: { [ACCESS_ATTRIBUTE]: 'override' } });
    return { ...token, access: { mode: 'override', start: null, end: null, title: '' } };
  }
  const decision = await decideDjAccess(user.id, channel);
  if (decision.mode === 'override') throw forbidden();
  const publish = decision.mode === 'publish';
  const token = await mintToken(channel.id, {
    ...base,
    canPublish: false,
    // The token only gates the connect; it is useless after the slot anyway.
    ttlSeconds: Math.ceil((decision.end.getTime() - Date.now()) / 1000),
    attributes: {
      [ACCESS_ATTRIBUTE]: publish ? 'on_air' : 'green_room',
      [UNTIL_ATTRIBUTE]: (publish ? decision.end : decision.start).toISOString(),
    },
  });
  const { start, end, title } = decision;
  return { ...token, access: { mode: decision.mode, start: start.toISOString(), end: end.toISOString(), title } };
}
