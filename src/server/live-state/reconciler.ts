import 'server-only';
import { type ParticipantInfo, TrackType } from 'livekit-server-sdk';
import { getBroadcastRoom, participantKind } from '@/types/broadcast';
import { getDb } from '../db/client';
import { getEnv } from '../env';
import { superviseIngress } from '../ingress';
import { getRoomService } from '../livekit/clients';
import { type LoopTask, TASKS } from '../loop';
import { djAccount, UNKNOWN_DJ_NAME } from './dj-account';
import { hostSentinel, isRoomNotHosted, probeLivekit } from './livekit-probe';
import { OFF_AIR } from './live-state';
import { liveStateKnown, setLiveStateKnown } from './live-status';
import { planReconcile, type ReconcilePlan, type RoomParticipant } from './reconcile-plan';

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
    const list = await getRoomService().listParticipants(getBroadcastRoom(channelId));
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
  const snapshots = await Promise.all(
    channels.map(async (channel) => {
      const at = new Date();
      const room = rooms.has(getBroadcastRoom(channel.id)) ? await roomParticipants(channel.id, at) : [];
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

/** How often LiveKit is probed, whatever RECONCILE_INTERVAL_SECONDS says: outages must show fast. */
const PROBE_INTERVAL_MS = 1000;
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
    if (setLiveStateKnown(true)) console.info('[reconcile] live state confirmed with LiveKit');
  } catch (err) {
    setLiveStateKnown(false);
    throw err;
  }
  // Right after a restart LiveKit may still route new rooms to its dead node: retried next step.
  if (!sentinelHosted) sentinelHosted = await hostSentinel().then(() => true, () => false);
}

/**
 * Live-state supervision as a task of the one background loop: a step every PROBE_INTERVAL_MS
 * (or RECONCILE_INTERVAL_SECONDS when shorter); a failing step is logged once per streak by the
 * loop and retried at the next step.
 */
export function reconcileTask(): LoopTask {
  const stepMs = Math.min(PROBE_INTERVAL_MS, getEnv().RECONCILE_INTERVAL_SECONDS * 1000);
  return {
    name: TASKS.reconcile,
    maxIntervalMs: stepMs,
    retryMs: stepMs,
    run: async () => {
      await superviseLiveState();
      await superviseObsInputs();
      return null;
    },
  };
}

/** How often OBS inputs are brought in line with "may publish now" (slot starts and ends). */
const INGRESS_STEP_MS = 2000;
let lastIngressStep = 0;

/** OBS inputs follow the slot rules within a couple of seconds of a boundary: one loop for all supervision. */
async function superviseObsInputs(): Promise<void> {
  if (!liveStateKnown() || Date.now() - lastIngressStep < INGRESS_STEP_MS) return;
  lastIngressStep = Date.now();
  await superviseIngress().then(
    ({ changed }) => changed > 0 && console.info(`[reconcile] changed ${changed} OBS input(s)`),
    (err: unknown) => console.warn('[ingress] supervision failed:', err instanceof Error ? err.message : err),
  );
}
