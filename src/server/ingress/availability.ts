import 'server-only';
import type { IngressAvailability } from '@/types/ingress';
import { getDb } from '../db';
import { getEnv } from '../env';
import { djAccessNow } from '../schedule';

const refused = (
  reason: Extract<IngressAvailability, { state: 'refused' }>['reason'],
  more: { opensAt?: Date; slotStart?: Date; title?: string; until?: Date } = {},
): IngressAvailability => ({
  state: 'refused',
  reason,
  opensAt: more.opensAt?.toISOString() ?? null,
  slotStart: more.slotStart?.toISOString() ?? null,
  title: more.title ?? '',
  until: more.until?.toISOString() ?? null,
});

/**
 * When a DJ's OBS inputs on a channel work, in the terms the console shows: the same rules as
 * ingressMayPublish (policy.ts), plus the next slot and its green-room time when refused.
 */
export async function ingressAvailability(channelId: string, userId: string, now = new Date()): Promise<IngressAvailability> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { role: true, banned: true } });
  if (!user || user.banned) return refused('disabled');
  if (user.role === 'admin') return { state: 'on_air' };
  const access = await djAccessNow(channelId, userId, { findNext: true, now });
  switch (access.kind) {
    case 'publish':
      return { state: 'on_air' };
    case 'green_room':
      return { state: 'green_room', slotStart: access.occurrence.start.toISOString(), title: access.occurrence.title };
    case 'blocked':
      return refused('kicked', { until: access.until });
    case 'denied': {
      const next = access.next;
      if (!next) return refused('no_slot');
      const opensAt = new Date(next.start.getTime() - getEnv().SLOT_GREEN_ROOM_SECONDS * 1000);
      return refused('not_yet', { opensAt, slotStart: next.start, title: next.title });
    }
  }
}
