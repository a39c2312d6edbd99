import 'server-only';
import { roleSchema } from '@/types/account';
import { getDb } from '../db';
import { djAccessNow } from '../schedule';

/**
 * `allowed`: the input may be connected (enabled, publishing). With `heldUntil` it is in the
 * DJ's green room: connected early, its track muted by the server until the slot start.
 */
export type PublishVerdict = { allowed: true; heldUntil?: Date } | { allowed: false; reason: string };

/**
 * Whether a DJ's OBS input may publish on a channel right now: the one hook the
 * ingress side asks (create, the webhook guard, the supervision loop). The same
 * slot rules as browser DJs: an admin always (emergency override), a DJ inside their
 * own slot there and not kicked, and from the green room on, held silent until the start.
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
  const access = await djAccessNow(channelId, userId);
  if (access.kind === 'publish') return { allowed: true };
  if (access.kind === 'green_room') return { allowed: true, heldUntil: access.occurrence.start };
  return { allowed: false, reason: access.kind === 'blocked' ? 'kicked' : 'not their slot' };
}
