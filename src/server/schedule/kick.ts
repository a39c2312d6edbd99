import 'server-only';
import { getBroadcastRoom, IDENTITY_PREFIX, participantKind } from '@/types/broadcast';
import { ACCESS_ATTRIBUTE, UNTIL_ATTRIBUTE } from '@/types/schedule';
import { type AuditActor, audit } from '../audit';
import { getDb } from '../db/client';
import { getEnv } from '../env';
import { notFound } from '../http/errors';
import { isRoomNotHosted } from '../channels/livekit-probe';
import { getRoomService } from '../livekit/clients';
import { djPermission } from '../livekit/grants';
import { TASKS, wake } from '../loop';
import { publishRights } from './on-air';
import { rightsInput } from './store';

/** Without a running slot (an admin override), a kick blocks for this long. */
const FALLBACK_BLOCK_MS = 60 * 60_000;

/**
 * Takes whoever publishes on a channel off air and blocks them from publishing
 * there for the rest of the current slot. Returns the identities kicked.
 */
export async function kickPublishers(channelId: string, actor: AuditActor): Promise<string[]> {
  const channel = await getDb().channel.findUnique({ where: { id: channelId }, select: { id: true, name: true } });
  if (!channel) throw notFound('No such channel.');
  const room = getBroadcastRoom(channel.id);
  const now = new Date();
  const rights = publishRights(await rightsInput(channel.id, now, getEnv().SLOT_GREEN_ROOM_SECONDS * 1000));
  const until = rights.current?.end ?? new Date(now.getTime() + FALLBACK_BLOCK_MS);
  const participants = await getRoomService()
    .listParticipants(room)
    .catch((err: { status?: unknown }) => (err.status === 404 || isRoomNotHosted(err) ? [] : Promise.reject(err)));
  const publishers = participants.filter((p) => participantKind(p.identity) === 'dj' && (p.tracks.length > 0 || p.permission?.canPublish));
  for (const p of publishers) {
    await getDb().publishBlock.create({
      data: { channelId, userId: p.identity.slice(IDENTITY_PREFIX.dj.length), until, reason: `kicked by ${actor?.name ?? 'station'}` },
    });
  }
  await Promise.all(
    publishers.map(async (p) => {
      const info = await getRoomService().updateParticipant(room, p.identity, {
        permission: djPermission(false),
        attributes: { [ACCESS_ATTRIBUTE]: 'kicked', [UNTIL_ATTRIBUTE]: until.toISOString() },
      });
      await Promise.all(info.tracks.map((t) => getRoomService().mutePublishedTrack(room, p.identity, t.sid, true).catch(() => undefined)));
    }),
  );
  const who = publishers.map((p) => p.name || p.identity).join(', ') || 'nobody was publishing';
  await audit({ actor, action: 'kick', channel, detail: `${who}; blocked until ${until.toISOString()}` });
  wake(TASKS.enforce);
  return publishers.map((p) => p.identity);
}

/**
 * Blocks one DJ from publishing on a channel for the rest of their current slot (or an hour
 * without one), so the enforcement loop does not hand back what another rule took away.
 */
export async function blockPublisher(channelId: string, userId: string, reason: string): Promise<void> {
  const now = new Date();
  const rights = publishRights(await rightsInput(channelId, now, getEnv().SLOT_GREEN_ROOM_SECONDS * 1000));
  const until = rights.current?.end ?? new Date(now.getTime() + FALLBACK_BLOCK_MS);
  await getDb().publishBlock.create({ data: { channelId, userId, until, reason } });
  wake(TASKS.enforce);
}
