import 'server-only';
import { assertLeaseHeld } from '../loop';
import { type ParticipantInfo, TrackType } from 'livekit-server-sdk';
import { djUserId, channelRoom, parseIngressIdentity, participantKind } from '@/types/room';
import { CLEARED_TEMPO_ATTRIBUTES } from '@/types/bpm';
import { ACCESS_ATTRIBUTE, UNTIL_ATTRIBUTE } from '@/types/schedule';
import { audit } from '../audit';
import { getDb } from '../db';
import { getEnv } from '../env';
import { isRoomNotHosted, getRoomService, djPermission, obsInputPermission } from '../livekit';
import { setInputAudible } from '../live-state';
import { type DjAccount, type DjAction, planEnforcement, type RoomDj } from './enforce-plan';
import { blockCause, publishRights, type PublishRights } from './on-air';
import { rightsInput } from './store';
import { metrics } from '../metrics';

/**
 * At a handover the incoming DJ needs a few hundred ms to publish once allowed; the outgoing
 * one stays on air until then (a short overlap, never a gap), but never longer than this.
 */
export const HANDOVER_MAX_OVERLAP_MS = 1_000;
/** After the incoming track is published, listeners still need a moment to subscribe to it. */
const HANDOVER_SETTLE_MS = 250;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once one of `identities` publishes a track in the room, or after `maxMs`. */
async function incomingPublished(channelId: string, identities: string[], maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const room = await listRoom(channelId).catch(() => []);
    if (room.some((p) => identities.includes(p.identity) && p.tracks.length > 0)) {
      await sleep(Math.max(0, Math.min(HANDOVER_SETTLE_MS, deadline - Date.now())));
      return;
    }
    await sleep(30);
  }
}

async function listRoom(channelId: string): Promise<ParticipantInfo[]> {
  try {
    return await getRoomService().listParticipants(channelRoom(channelId));
  } catch (err) {
    if ((err as { status?: unknown }).status === 404 || isRoomNotHosted(err)) return [];
    throw err;
  }
}

/** Rooms LiveKit has now. Asking for the participants of a room that does not exist costs a psrpc timeout, so only these are asked. */
async function openRooms(): Promise<Set<string>> {
  const rooms = await getRoomService().listRooms();
  return new Set(rooms.map((r) => r.name));
}

/** One slow room must not hold back the boundaries of every other channel. */
const CHANNEL_PASS_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function roomDjs(participants: ParticipantInfo[]): RoomDj[] {
  // Browser DJs and OBS inputs alike: both are their DJ account's, under the same slot rules.
  return participants.flatMap((p) => {
    const userId = participantKind(p.identity) === 'dj' ? djUserId(p.identity) : null;
    if (!userId) return [];
    const dj: RoomDj = { identity: p.identity, userId, canPublish: p.permission?.canPublish ?? false, publishing: p.tracks.length > 0 };
    if (parseIngressIdentity(p.identity)) {
      const audio = p.tracks.filter((t) => t.type === TrackType.AUDIO);
      dj.obs = { muted: audio.filter((t) => t.muted).map((t) => t.sid), audible: audio.filter((t) => !t.muted).map((t) => t.sid) };
    }
    return [dj];
  });
}

export async function accountsOf(userIds: string[]): Promise<Map<string, DjAccount>> {
  if (userIds.length === 0) return new Map();
  const users = await getDb().user.findMany({ where: { id: { in: userIds } }, select: { id: true, role: true, banned: true } });
  return new Map(users.map((u) => [u.id, { admin: u.role === 'admin', disabled: u.banned === true }]));
}

/** Counted once LiveKit has done it: a counted grant is a DJ who may publish now (metrics.test relies on it). */
export async function apply(channelId: string, action: DjAction, rights: PublishRights): Promise<void> {
  await applyAtLivekit(channelId, action, rights);
  metrics.enforcement(action.type);
}

async function applyAtLivekit(channelId: string, action: DjAction, rights: PublishRights): Promise<void> {
  assertLeaseHeld(); // LiveKit cannot check a fencing token: the holder re-checks before each call
  const room = channelRoom(channelId);
  const service = getRoomService();
  if (action.type === 'mute' || action.type === 'unmute') {
    // An OBS input's audio: LiveKit sends no webhook for a mute, so the helper records the live state.
    await setInputAudible(channelId, room, action.identity, action.trackSids, action.type === 'unmute');
    return;
  }
  if (action.type === 'remove') {
    await service.removeParticipant(room, action.identity);
    return;
  }
  const grant = action.type === 'grant';
  // An OBS input keeps its video source: narrowing it would end the ingress session (grants.ts).
  const obs = grant && parseIngressIdentity(action.identity) !== null;
  const info = await service.updateParticipant(room, action.identity, {
    permission: obs ? obsInputPermission() : djPermission(grant),
    attributes: {
      [ACCESS_ATTRIBUTE]: grant ? (action.override ? 'override' : 'on_air') : action.reason,
      [UNTIL_ATTRIBUTE]: grant && !action.override && rights.current ? rights.current.end.toISOString() : '',
      // Off air, the tempo it set goes too ("" deletes): listeners never see a stale or fake one.
      ...(grant ? {} : CLEARED_TEMPO_ATTRIBUTES),
    },
  });
  // Revoking publish makes LiveKit close the tracks; a server-side mute also stops forwarding at once if any remain.
  if (!grant) {
    await Promise.all(info.tracks.map((t) => service.mutePublishedTrack(room, action.identity, t.sid, true).catch(() => undefined)));
  }
}

async function auditActions(channel: { id: string; name: string }, actions: DjAction[], rights: PublishRights) {
  // An admin's override was audited when its token was issued.
  const granted = actions.filter((a) => (a.type === 'grant' && !a.override) || a.type === 'unmute').map((a) => a.userId);
  const cut = actions.filter((a) => a.type === 'revoke' && a.reason !== 'kicked' && a.reason !== 'not_audio').map((a) => a.userId);
  const removed = actions.filter((a) => a.type === 'remove').map((a) => a.userId);
  const slot = rights.current ? ` (slot “${rights.current.title || 'untitled'}” until ${rights.current.end.toISOString()})` : '';
  if (granted.length && cut.length) {
    await audit({ actor: null, action: 'enforce.handover', channel, detail: `${cut.join(', ')} → ${granted.join(', ')}${slot}` });
  } else if (granted.length) {
    await audit({ actor: null, action: 'enforce.slot_start', channel, detail: `on air: ${granted.join(', ')}${slot}` });
  } else if (cut.length) {
    await audit({ actor: null, action: 'enforce.slot_end', channel, detail: `off air: ${cut.join(', ')}` });
  }
  if (removed.length)
    await audit({ actor: null, action: 'enforce.removed', channel, detail: `disabled or deleted: ${removed.join(', ')}` });
}

/**
 * Makes one channel's room agree with its schedule; returns the channel's next boundary. A room
 * LiveKit does not have holds nobody to enforce, so its schedule is not read (null): the first
 * participant's `participant_joined` wakes the task, so most channels of a large station cost a pass nothing.
 */
export async function enforceChannel(channel: { id: string; name: string }, now: Date, open?: Set<string>): Promise<Date | null> {
  if (open && !open.has(channelRoom(channel.id))) return null;
  const graceMs = getEnv().SLOT_GREEN_ROOM_SECONDS * 1000;
  const input = await rightsInput(channel.id, now, graceMs);
  const rights = publishRights(input);
  const djs = roomDjs(await listRoom(channel.id));
  if (djs.length === 0) return rights.nextBoundary;
  const accounts = await accountsOf(djs.map((d) => d.userId));
  const blocked = new Set(input.blocks.map((b) => b.userId));
  const notAudio = new Set(input.blocks.filter((b) => blockCause(b) === 'not_audio').map((b) => b.userId));
  const actions = planEnforcement(djs, accounts, rights, blocked, notAudio);
  if (actions.length === 0) return rights.nextBoundary;
  // Incoming: a browser DJ granted publishing, or an OBS input held in the green room unmuted.
  const grants = actions.filter((a) => a.type === 'grant' || a.type === 'unmute');
  const rest = actions.filter((a) => a.type !== 'grant' && a.type !== 'unmute');
  let results: PromiseSettledResult<void>[];
  if (grants.length > 0 && rest.some((a) => a.type === 'revoke' && a.wasPublishing)) {
    // Handover: the incoming DJ on air first, the outgoing off as soon as the incoming is heard.
    const granted = await Promise.allSettled(grants.map((a) => apply(channel.id, a, rights)));
    // An OBS input held in the green room is published and subscribed to already: once its unmute is
    // done, LiveKit forwards it, so the cut need not wait (docs/obs.md, the overlap it measured).
    if (grants.some((a) => a.type === 'grant')) {
      await incomingPublished(
        channel.id,
        grants.map((g) => g.identity),
        HANDOVER_MAX_OVERLAP_MS,
      );
    }
    results = [...granted, ...(await Promise.allSettled(rest.map((a) => apply(channel.id, a, rights))))];
  } else {
    results = await Promise.allSettled(actions.map((a) => apply(channel.id, a, rights)));
  }
  await auditActions(channel, actions, rights);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return rights.nextBoundary;
}

/** Every channel, concurrently; the earliest next boundary of all. */
export async function enforceAll(now: Date): Promise<Date | null> {
  const channels = await getDb().channel.findMany({ select: { id: true, name: true } });
  const open = await openRooms();
  const results = await Promise.allSettled(
    channels.map((c) => withTimeout(enforceChannel(c, now, open), CHANNEL_PASS_TIMEOUT_MS, `enforcing ${c.name}`)),
  );
  let next: Date | null = null;
  for (const r of results) if (r.status === 'fulfilled' && r.value && (!next || r.value < next)) next = r.value;
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return next;
}
