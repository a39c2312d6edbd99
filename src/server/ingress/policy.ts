import 'server-only';
import { roleSchema } from '@/types/account';
import { getDb } from '../db/client';
import { mayPublishNow } from '../schedule';

export type PublishVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether a DJ's OBS input may publish on a channel right now: the one hook the
 * ingress side asks (create, the webhook guard, the supervision loop). The same
 * slot rules as browser DJs: an admin always (emergency override), a DJ only
 * inside their own slot there and not kicked.
 */
export async function ingressMayPublish(channelId: string, userId: string): Promise<PublishVerdict> {
  const [user, channel] = await Promise.all([
    getDb().user.findUnique({ where: { id: userId }, select: { role: true, banned: true } }),
    getDb().channel.count({ where: { id: channelId } }),
  ]);
  if (!user) return { allowed: false, reason: 'account deleted' };
  if (channel === 0) return { allowed: false, reason: 'channel deleted' };
  const role = roleSchema.safeParse(user.role);
  if (!role.success) return { allowed: false, reason: 'not a DJ account' };
  if (user.banned) return { allowed: false, reason: 'account disabled' };
  if (role.data === 'admin') return { allowed: true };
  if (!(await mayPublishNow(channelId, userId))) return { allowed: false, reason: 'not their slot' };
  return { allowed: true };
}
