import 'server-only';
import { roleSchema } from '@/types/account';
import { getDb } from '../db/client';

export type PublishVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether a DJ's OBS input may publish on a channel right now: the one hook the
 * ingress side asks. Today: the account exists, is a DJ or admin and is not
 * banned (the same rule as browser DJ tokens). The slot schedule (issue 6)
 * replaces the body with "who may publish now" on that channel; the callers
 * (create, the webhook guard, the supervision loop) stay as they are.
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
  return { allowed: true };
}
