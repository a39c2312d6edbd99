import 'server-only';
import type { ParticipantInfo } from 'livekit-server-sdk';
import { djUserId, channelRoom, participantKind } from '@/types/room';
import { CLEARED_TEMPO_ATTRIBUTES } from '@/types/bpm';
import { ACCESS_ATTRIBUTE, UNTIL_ATTRIBUTE } from '@/types/schedule';
import { type ActionRow, recordAction, settle } from '../actions';
import { type AuditActor, audit } from '../audit';
import { getDb } from '../db';
import { getEnv } from '../env';
import { notFound } from '../http';
import { isRoomNotHosted, setIngressEnabled, getRoomService, djPermission } from '../livekit';
import { TASKS, wake } from '../loop';
import { publishRights } from './on-air';
import { rightsInput } from './store';

/** Without a running slot (an admin override), a kick blocks for this long. */
const FALLBACK_BLOCK_MS = 60 * 60_000;

async function blockUntil(channelId: string, now: Date): Promise<Date> {
  const rights = publishRights(await rightsInput(channelId, now, getEnv().SLOT_GREEN_ROOM_SECONDS * 1000));
  return rights.current?.end ?? new Date(now.getTime() + FALLBACK_BLOCK_MS);
}

/** Blocks an account (never a connection) on a channel until `until`; an equal or longer block already there is enough. */
async function ensureBlock(channelId: string, userId: string, until: Date, reason: string): Promise<void> {
  const existing = await getDb().publishBlock.findFirst({ where: { channelId, userId, until: { gte: until } } });
  if (!existing) await getDb().publishBlock.create({ data: { channelId, userId, until, reason } });
}

export type KickResult = { kicked: string[]; action: ActionRow };

/**
 * Takes whoever is on air on a channel off air and blocks their account there for the rest of
 * the current slot. The block (the database side) is written before LiveKit is asked, so every
 * gate that reads it (tokens, the ingress policy, enforcement) refuses the DJ at once; the loop
 * does the LiveKit side (finishKick) with retries.
 */
export async function kickPublishers(channelId: string, actor: AuditActor, startedAt = Date.now()): Promise<KickResult> {
  const channel = await getDb().channel.findUnique({ where: { id: channelId }, select: { id: true, name: true, liveIdentity: true } });
  if (!channel) throw notFound('No such channel.');
  const userId = channel.liveIdentity ? djUserId(channel.liveIdentity) : null;
  if (userId) {
    const until = await blockUntil(channelId, new Date());
    await ensureBlock(channelId, userId, until, `kicked by ${actor?.name ?? 'station'}`);
    await auditKick(actor, channel, [userId], until);
  }
  const action = await recordAction({ kind: 'kick', channelId, userId, actor });
  wake(TASKS.enforce);
  return { kicked: channel.liveIdentity ? [channel.liveIdentity] : [], action: await settle(action, startedAt) };
}

async function listRoom(room: string): Promise<ParticipantInfo[]> {
  return getRoomService()
    .listParticipants(room)
    .catch((err: { status?: unknown }) => (err.status === 404 || isRoomNotHosted(err) ? [] : Promise.reject(err)));
}

/** Takes one publisher's rights (LiveKit drops its tracks) and mutes whatever it still sends. */
/** A participant that left meanwhile (an OBS input whose stream just ended) is off air already. */
const isGone = (err: unknown) => (err as { status?: unknown }).status === 404 || /not.?found|does not exist/i.test(String(err));

async function takeOffAir(room: string, p: ParticipantInfo, until: Date): Promise<void> {
  const service = getRoomService();
  const info = await service
    .updateParticipant(room, p.identity, {
      permission: djPermission(false),
      attributes: { [ACCESS_ATTRIBUTE]: 'kicked', [UNTIL_ATTRIBUTE]: until.toISOString(), ...CLEARED_TEMPO_ATTRIBUTES },
    })
    .catch((err: unknown) => (isGone(err) ? null : Promise.reject(err)));
  if (!info) return;
  await Promise.all(info.tracks.map((t) => service.mutePublishedTrack(room, p.identity, t.sid, true).catch(() => undefined)));
}

/** The accounts' OBS inputs on the channel refuse pushes (disabling an active one ends its stream); the ingress supervision keeps them so. */
async function disableInputs(channelId: string, userIds: string[]): Promise<void> {
  const rows = await getDb().ingressEndpoint.findMany({ where: { channelId, userId: { in: userIds } }, select: { ingressId: true } });
  await Promise.all(
    rows.map((r) =>
      setIngressEnabled(r.ingressId, false).catch((err: unknown) => {
        if (!isGone(err)) throw err;
      }),
    ),
  );
}

/**
 * The LiveKit side of a kick, run by the loop (idempotent): every publisher of the kicked
 * account (browser, RTMP, WHIP) and anyone else publishing loses its rights, and their
 * accounts are blocked. The audit entry names accounts as our database has them.
 */
export async function finishKick(action: ActionRow): Promise<void> {
  const channelId = action.channelId ?? '';
  const channel = await getDb().channel.findUnique({ where: { id: channelId }, select: { id: true, name: true } });
  if (!channel) return; // deleted since: nothing left to take off air
  const room = channelRoom(channelId);
  const until = await blockUntil(channelId, action.createdAt);
  const participants = (await listRoom(room)).filter((p) => participantKind(p.identity) === 'dj' && djUserId(p.identity));
  // On air: an unmuted track, or publish rights and nothing published yet. An OBS input the
  // server holds muted in the next DJ's green room is not on air and is not kicked.
  const publishing = participants.filter((p) => p.tracks.some((t) => !t.muted) || (p.tracks.length === 0 && p.permission?.canPublish));
  const accounts = new Set([...(action.userId ? [action.userId] : []), ...publishing.map((p) => djUserId(p.identity) as string)]);
  for (const userId of accounts) await ensureBlock(channelId, userId, until, `kicked by ${action.actorName}`);
  const targets = participants.filter((p) => accounts.has(djUserId(p.identity) as string));
  await Promise.all([...targets.map((p) => takeOffAir(room, p, until)), disableInputs(channelId, [...accounts])]);
  wake(TASKS.enforce);
  // The request audited the account it knew; only who else was found here is added.
  const others = [...accounts].filter((id) => id !== action.userId);
  if (!action.userId || others.length)
    await auditKick(action.actorId ? { id: action.actorId, name: action.actorName } : null, channel, others, until);
}

/** The audit entry names accounts as our database has them, never a participant's self-chosen LiveKit name. */
async function auditKick(actor: AuditActor, channel: { id: string; name: string }, userIds: string[], until: Date): Promise<void> {
  const users = userIds.length ? await getDb().user.findMany({ where: { id: { in: userIds } }, select: { name: true } }) : [];
  const who = users.map((u) => u.name).join(', ') || 'nobody was publishing';
  await audit({ actor, action: 'kick', channel, detail: `${who}; blocked until ${until.toISOString()}` });
}

/**
 * Blocks one DJ from publishing on a channel for the rest of their current slot (or an hour
 * without one), so the enforcement loop does not hand back what another rule took away.
 */
export async function blockPublisher(channelId: string, userId: string, reason: string): Promise<void> {
  await ensureBlock(channelId, userId, await blockUntil(channelId, new Date()), reason);
  wake(TASKS.enforce);
}
