import 'server-only';
import { type ParticipantInfo, TrackType } from 'livekit-server-sdk';
import { channelRoom, participantKind } from '@/types/room';
import { getDb } from '../db';
import { getEnv } from '../env';
import { getRoomService, isRoomNotHosted } from '../livekit';
import { TASKS, wake } from '../loop';
import { djAccount, UNKNOWN_DJ_NAME } from './dj-account';
import { hostSentinel, probeLivekit } from './livekit-probe';
import { OFF_AIR } from './live-state';
import { liveStateKnown, setLiveStateKnown } from './live-status';
import { needsReconcile, planReconcile, type ReconcilePlan, type RoomParticipant } from './reconcile-plan';
import { metrics } from '../metrics';

function toRoomParticipant(p: ParticipantInfo, fallback: Date): RoomParticipant {
  const joined = Number(p.joinedAt ?? 0);
  return {
    sid: p.sid,
    identity: p.identity,
    name: p.name,
    joinedAt: joined > 0 ? new Date(joined * 1000) : fallback,
    // A muted track is heard by nobody (an OBS set held in its green room): not on air.
    audioTrackSids: p.tracks.filter((t) => t.type === TrackType.AUDIO && !t.muted).map((t) => t.sid),
  };
}

/**
 * LiveKit's participants in a channel's room, as the node hosting it sees them. A room that
 * does not exist is empty, and so is one no live node hosts: its participants are what Redis
 * kept of a node that died (LiveKit restores them after a restart, but nobody is there).
 */
async function roomParticipants(channelId: string, at: Date): Promise<RoomParticipant[]> {
  try {
    const list = await getRoomService().listParticipants(channelRoom(channelId));
    return list.map((p) => toRoomParticipant(p, at));
  } catch (err) {
    if ((err as { status?: unknown }).status === 404 || isRoomNotHosted(err)) return [];
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
      // The account's name, as the admin set it; LiveKit's name is the DJ's own to change.
      const name = (await djAccount(tx, live.identity))?.name ?? UNKNOWN_DJ_NAME;
      await tx.channel.updateMany({
        where: { id: channelId, ...settled },
        data: { liveIdentity: live.identity, liveName: name, liveTrackSid: live.trackSid, liveSince: live.since },
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
  // One cheap call says which rooms exist; only those are asked for participants, all at
  // once, since a room left over from a dead node takes LiveKit a few seconds to answer.
  const rooms = new Set((await getRoomService().listRooms()).map((r) => r.name));
  const present = await getDb().presence.findMany({ where: { leftAt: null }, select: { channelId: true }, distinct: ['channelId'] });
  const anyone = new Set(present.map((p) => p.channelId));
  const due = channels.filter((c) => needsReconcile(c, rooms.has(channelRoom(c.id)), anyone.has(c.id)));
  const snapshots = await Promise.all(
    due.map(async (channel) => {
      const at = new Date();
      const room = rooms.has(channelRoom(channel.id)) ? await roomParticipants(channel.id, at) : [];
      return { channel, room, at };
    }),
  );
  let corrected = 0;
  for (const { channel, room, at } of snapshots) {
    const presences = await getDb().presence.findMany({
      where: { channelId: channel.id, OR: [{ leftAt: null }, { participantSid: { in: room.map((p) => p.sid) } }] },
      select: { participantSid: true, joinedAt: true, leftAt: true },
    });
    if (await applyPlan(channel.id, planReconcile({ ...channel, presences }, room, at), at)) corrected += 1;
  }
  return { channels: channels.length, corrected };
}

let lastReconcile = 0;
/** Until the sentinel room is hosted (first run, after a restart) every step reconciles in full. */
let sentinelHosted = false;

/**
 * One step of live-state supervision: probe LiveKit (cheap), and reconcile every channel when
 * the interval is due or the probe cannot vouch for the state (first run, outage, restart).
 * While unknown, channels read as "state unknown", never as on air from what may be stale.
 */
export async function superviseLiveState(): Promise<void> {
  const now = Date.now();
  if (sentinelHosted) {
    const probe = await probeLivekit();
    if (probe === 'up' && liveStateKnown() && now - lastReconcile < getEnv().RECONCILE_INTERVAL_SECONDS * 1000) return;
    if (probe !== 'up') {
      sentinelHosted = false;
      if (setLiveStateKnown(false)) console.warn(`[reconcile] LiveKit ${probe}: live state unknown until checked again`);
    }
  }
  try {
    const { corrected } = await reconcileLiveState();
    lastReconcile = now;
    if (corrected > 0) console.info(`[reconcile] corrected live state of ${corrected} channel(s)`);
    metrics.reconcileRepairs(corrected);
    if (setLiveStateKnown(true)) {
      console.info('[reconcile] live state confirmed with LiveKit');
      wake(TASKS.ingress); // OBS inputs wait for a known state: supervise them now, not at their next step
    }
  } catch (err) {
    setLiveStateKnown(false);
    throw err;
  }
  // Right after a restart LiveKit may still route new rooms to its dead node: retried next step.
  if (!sentinelHosted)
    sentinelHosted = await hostSentinel().then(
      () => true,
      () => false,
    );
}
