import 'server-only';
import type { SlotHostInfo } from '@/types/schedule';
import { type AuditActor, audit } from '../audit';
import { getDb } from '../db';
import { badRequest, notFound } from '../http';
import { TASKS, wake } from '../loop';
import { scheduleChanged } from './now-next';

/** DJs allowed to hold slots on a channel. */
export async function listChannelDjs(channelId: string): Promise<SlotHostInfo[]> {
  const rows = await getDb().channelDj.findMany({ where: { channelId }, include: { user: { select: { id: true, name: true } } } });
  return rows.map((r) => ({ id: r.user.id, name: r.user.name })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Replaces a channel's DJ list. A DJ taken off the list also leaves the hosts of
 * its slots, and is taken off air by the enforcement loop at once.
 */
export async function setChannelDjs(channelId: string, userIds: string[], actor: AuditActor): Promise<SlotHostInfo[]> {
  const channel = await getDb().channel.findUnique({ where: { id: channelId }, select: { id: true, name: true } });
  if (!channel) throw notFound('No such channel.');
  const users = await getDb().user.findMany({ where: { id: { in: userIds } }, select: { id: true, role: true } });
  const djs = new Set(users.filter((u) => u.role === 'dj').map((u) => u.id));
  const bad = userIds.filter((id) => !djs.has(id));
  if (bad.length) throw badRequest(`Only DJ accounts can be listed on a channel: ${bad.join(', ')}.`);
  const before = await listChannelDjs(channelId);
  await getDb().$transaction([
    getDb().channelDj.deleteMany({ where: { channelId, userId: { notIn: userIds } } }),
    getDb().slotHost.deleteMany({ where: { slot: { channelId }, userId: { notIn: userIds } } }),
    ...userIds.map((userId) =>
      getDb().channelDj.upsert({ where: { channelId_userId: { channelId, userId } }, create: { channelId, userId }, update: {} }),
    ),
  ]);
  const after = await listChannelDjs(channelId);
  const names = (list: SlotHostInfo[]) => list.map((d) => d.name).join(', ') || 'none';
  await audit({ actor, action: 'channel.djs', channel, detail: `${names(before)} → ${names(after)}` });
  wake(TASKS.enforce);
  scheduleChanged(channelId); // slots may have lost hosts
  return after;
}
