import 'server-only';
import { channelRoom } from '@/types/room';
import { getDb } from '../db';
import { getRoomService } from '../livekit';

/**
 * Disconnects an identity from every channel's room, e.g. a DJ whose account was
 * deleted: their token only mattered at connect time, so the session must be ended
 * server-side. Rooms they are not in answer 404, which is the common case.
 */
export async function removeFromAllChannels(identity: string): Promise<number> {
  const channels = await getDb().channel.findMany({ select: { id: true } });
  const results = await Promise.allSettled(channels.map((c) => getRoomService().removeParticipant(channelRoom(c.id), identity)));
  for (const r of results) {
    if (r.status === 'rejected' && (r.reason as { status?: unknown }).status !== 404) {
      console.warn('[livekit] could not remove participant:', r.reason instanceof Error ? r.reason.message : r.reason);
    }
  }
  return results.filter((r) => r.status === 'fulfilled').length;
}
