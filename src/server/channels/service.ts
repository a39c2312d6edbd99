import 'server-only';
import type { AdminChannel, ChannelInput } from '@/types/channel';
import { channelRoom } from '@/types/room';
import { getDb, isUniqueViolation } from '../db';
import { conflict, notFound } from '../http';
import { type AuditActor, audit } from '../audit';
import { deleteEndpointsOf } from '../ingress';
import { getRoomService } from '../livekit';
import { TASKS, wake } from '../loop';
import { adminSettings, forgetChannel, getChannelBySlug, toChannelSummary } from './queries';

const slugTaken = () => conflict('That slug is already used by another channel.');

export async function createChannel(input: ChannelInput, actor: AuditActor = null): Promise<AdminChannel> {
  try {
    const row = await getDb().channel.create({ data: input });
    await audit({ actor, action: 'channel.create', channel: row, detail: `/c/${row.slug} (${row.timeZone})` });
    return { ...toChannelSummary(row, 0), ...adminSettings(row) };
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}

export async function updateChannel(id: string, input: Partial<ChannelInput>, actor: AuditActor = null): Promise<AdminChannel> {
  try {
    // AutoDJ turned off forgets where a DJ cut its replay: turned on later, it starts afresh.
    const data = input.autoDjEnabled === false ? { ...input, replayCutAt: null } : input;
    const row = await getDb().channel.update({ where: { id }, data });
    if (input.timeZone) {
      // Slots are the channel's wall-clock times: they follow the channel into its new zone.
      await getDb().slot.updateMany({ where: { channelId: id }, data: { timeZone: input.timeZone } });
      wake(TASKS.enforce);
    }
    await audit({ actor, action: 'channel.update', channel: row, detail: `changed: ${Object.keys(input).join(', ')}` });
    const summary = (await getChannelBySlug(row.slug)) ?? toChannelSummary(row, 0);
    if (input.autoDjEnabled !== undefined || input.autoDjOrder !== undefined || input.autoDjSource !== undefined) wake(TASKS.autodj);
    return { ...summary, ...adminSettings(row) };
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    if ((err as { code?: unknown }).code === 'P2025') throw notFound('No such channel.');
    throw err;
  }
}

/** Deletes the channel and closes its room, so nobody stays on air in a channel that is gone. */
export async function deleteChannel(id: string, actor: AuditActor = null): Promise<void> {
  await deleteEndpointsOf({ channelId: id }, actor);
  const existing = await getDb().channel.findUnique({ where: { id }, select: { id: true, name: true, slug: true } });
  const result = await getDb().channel.deleteMany({ where: { id } });
  if (result.count === 0 || !existing) throw notFound('No such channel.');
  await audit({ actor, action: 'channel.delete', channel: existing, detail: `/c/${existing.slug}` });
  forgetChannel(id);
  await getRoomService()
    .deleteRoom(channelRoom(id))
    .catch(() => undefined); // no room (nobody connected) is the common case
}
