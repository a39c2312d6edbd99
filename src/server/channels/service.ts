import 'server-only';
import { type ChannelInput, type ChannelSummary } from '@/types/channel';
import { getBroadcastRoom } from '@/types/broadcast';
import { getDb, isUniqueViolation } from '../db/client';
import { conflict, notFound } from '../http/errors';
import { deleteEndpointsOf } from '../ingress';
import { getRoomService } from '../livekit/clients';
import { forgetChannel, getChannelBySlug, toChannelSummary } from './queries';

const slugTaken = () => conflict('That slug is already used by another channel.');

export async function createChannel(input: ChannelInput): Promise<ChannelSummary> {
  try {
    const row = await getDb().channel.create({ data: input });
    return toChannelSummary(row, 0);
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}

export async function updateChannel(id: string, input: Partial<ChannelInput>): Promise<ChannelSummary> {
  try {
    const row = await getDb().channel.update({ where: { id }, data: input });
    return (await getChannelBySlug(row.slug)) ?? toChannelSummary(row, 0);
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    if ((err as { code?: unknown }).code === 'P2025') throw notFound('No such channel.');
    throw err;
  }
}

/** Deletes the channel and closes its room, so nobody stays on air in a channel that is gone. */
export async function deleteChannel(id: string): Promise<void> {
  await deleteEndpointsOf({ channelId: id });
  const result = await getDb().channel.deleteMany({ where: { id } });
  if (result.count === 0) throw notFound('No such channel.');
  forgetChannel(id);
  await getRoomService()
    .deleteRoom(getBroadcastRoom(id))
    .catch(() => undefined); // no room (nobody connected) is the common case
}
