import 'server-only';
import { type ParticipantInfo, TrackType } from 'livekit-server-sdk';
import { getBroadcastRoom, participantKind } from '@/types/broadcast';
import { getDb } from '../db/client';
import { getEnv } from '../env';
import { getRoomService } from '../livekit/clients';
import { type LoopTask, TASKS } from '../loop';
import { OFF_AIR } from './live-state';
import { planReconcile, type ReconcilePlan, type RoomParticipant } from './reconcile-plan';

function toRoomParticipant(p: ParticipantInfo, fallback: Date): RoomParticipant {
  const joined = Number(p.joinedAt ?? 0);
  return {
    sid: p.sid,
    identity: p.identity,
    name: p.name,
    joinedAt: joined > 0 ? new Date(joined * 1000) : fallback,
    audioTrackSids: p.tracks.filter((t) => t.type === TrackType.AUDIO).map((t) => t.sid),
  };
}

/** LiveKit's participants in a channel's room; a room that does not exist is empty. */
async function roomParticipants(channelId: string, at: Date): Promise<RoomParticipant[]> {
  try {
    const list = await getRoomService().listParticipants(getBroadcastRoom(channelId));
    return list.map((p) => toRoomParticipant(p, at));
  } catch (err) {
    if ((err as { status?: unknown }).status === 404) return [];
    throw err;
  }
}

async function applyPlan(channelId: string, plan: ReconcilePlan, at: Date): Promise<boolean> {
  const { close, open, live } = plan;
  if (close.length === 0 && open.length === 0 && live.type === 'keep') return false;
  await getDb().$transaction(async (tx) => {
    if (close.length) {
      await tx.presence.updateMany({ where: { participantSid: { in: close }, leftAt: null }, data: { leftAt: at } });
    }
    for (const p of open) {
      const row = { channelId, identity: p.identity, name: p.name, kind: participantKind(p.identity) };
      await tx.presence.upsert({
        where: { participantSid: p.sid },
        create: { participantSid: p.sid, ...row, joinedAt: p.joinedAt },
        update: { leftAt: null },
      });
    }
    // Guarded by liveSince so a webhook that landed meanwhile wins.
    const settled = { OR: [{ liveSince: null }, { liveSince: { lte: at } }] };
    if (live.type === 'clear') {
      await tx.channel.updateMany({
        where: { id: channelId, ...settled },
        data: OFF_AIR,
      });
    } else if (live.type === 'set') {
      await tx.channel.updateMany({
        where: { id: channelId, ...settled },
        data: { liveIdentity: live.identity, liveName: live.name, liveTrackSid: live.trackSid, liveSince: live.since },
      });
    }
  });
  return true;
}

/**
 * Brings every channel's live state in line with LiveKit. Webhooks are the fast
 * path; this repairs what they missed (the app was down, a delivery was lost).
 */
export async function reconcileLiveState(): Promise<{ channels: number; corrected: number }> {
  const channels = await getDb().channel.findMany({
    select: { id: true, liveIdentity: true, liveTrackSid: true, liveSince: true },
  });
  let corrected = 0;
  for (const channel of channels) {
    const at = new Date();
    const room = await roomParticipants(channel.id, at);
    const presences = await getDb().presence.findMany({
      where: { channelId: channel.id, OR: [{ leftAt: null }, { participantSid: { in: room.map((p) => p.sid) } }] },
      select: { participantSid: true, joinedAt: true, leftAt: true },
    });
    if (await applyPlan(channel.id, planReconcile({ ...channel, presences }, room, at), at)) corrected += 1;
  }
  return { channels: channels.length, corrected };
}

/** The reconciler as a task of the one background loop: every RECONCILE_INTERVAL_SECONDS, retried sooner after a failure. */
export function reconcileTask(): LoopTask {
  const intervalMs = getEnv().RECONCILE_INTERVAL_SECONDS * 1000;
  return {
    name: TASKS.reconcile,
    maxIntervalMs: intervalMs,
    retryMs: Math.min(intervalMs, 5_000),
    run: async () => {
      const { corrected } = await reconcileLiveState();
      if (corrected > 0) console.info(`[reconcile] corrected live state of ${corrected} channel(s)`);
      return null;
    },
  };
}
