import 'server-only';
import type { WebhookEvent } from 'livekit-server-sdk';
import { participantKind } from '@/types/room';
import { getDb, isUniqueViolation, type Prisma } from '../db';
import { djAccount, UNKNOWN_DJ_NAME } from './dj-account';
import { type LiveAction, planLiveAction } from './live-events';

/** The live fields of an off-air channel (also written by the reconciler). */
export const OFF_AIR = { liveIdentity: null, liveName: null, liveTrackSid: null, liveSince: null };

export type ApplyResult = 'applied' | 'duplicate' | 'ignored';

/**
 * Applies a verified webhook once. The event id is recorded in the same
 * transaction as the change, so a redelivery is a no-op; each change is also
 * written to converge when LiveKit delivers events out of order. `held`: the ingress guard
 * muted the event's track (an OBS set in the green room), so it is not on air.
 */
export async function applyWebhookEvent(event: WebhookEvent, opts: { held?: boolean } = {}): Promise<ApplyResult> {
  const action = planLiveAction(event, new Date(), opts.held);
  try {
    return await getDb().$transaction(async (tx) => {
      if (event.id) await tx.webhookEvent.create({ data: { id: event.id, event: event.event } });
      if (action.type === 'ignore') return 'ignored';
      if ((await tx.channel.count({ where: { id: action.channelId } })) === 0) return 'ignored';
      await applyAction(tx, action);
      return 'applied';
    });
  } catch (err) {
    if (isUniqueViolation(err)) return 'duplicate';
    throw err;
  }
}

/**
 * The server unmuted (or muted) a published track: LiveKit sends no webhook for that, so the one
 * who did it records it here, right after the audio changed (an OBS set at its slot start).
 */
export async function setTrackAudible(
  channelId: string,
  participant: { sid: string; identity: string; name: string },
  trackSid: string,
  audible: boolean,
  at = new Date(),
): Promise<void> {
  const action: Exclude<LiveAction, { type: 'ignore' }> = audible
    ? { type: 'on_air', channelId, at, participant: { ...participant, kind: participantKind(participant.identity) }, trackSid }
    : { type: 'off_air', channelId, at, trackSid };
  await getDb().$transaction((tx) => applyAction(tx, action));
}

async function applyAction(tx: Prisma.TransactionClient, action: Exclude<LiveAction, { type: 'ignore' }>) {
  const { channelId, at } = action;
  switch (action.type) {
    case 'room_reset':
      // A room (re)start or finish ends every earlier session in it.
      await tx.presence.updateMany({ where: { channelId, leftAt: null, joinedAt: { lte: at } }, data: { leftAt: at } });
      await tx.channel.updateMany({ where: { id: channelId, liveSince: { lte: at } }, data: OFF_AIR });
      return;
    case 'join': {
      const { sid, identity, name, kind } = action.participant;
      // A late "joined" after "left" must not bring the participant back.
      await tx.presence.upsert({
        where: { participantSid: sid },
        create: { participantSid: sid, channelId, identity, name, kind, joinedAt: at },
        update: { name },
      });
      return;
    }
    case 'leave': {
      const { sid, identity, kind } = action.participant;
      await tx.presence.upsert({
        where: { participantSid: sid },
        create: { participantSid: sid, channelId, identity, kind, joinedAt: at, leftAt: at },
        update: { leftAt: at },
      });
      await tx.channel.updateMany({ where: { id: channelId, liveIdentity: identity }, data: OFF_AIR });
      return;
    }
    case 'on_air': {
      const { sid, identity } = action.participant;
      const presence = await tx.presence.findUnique({ where: { participantSid: sid } });
      if (presence?.leftAt) return;
      const account = await djAccount(tx, identity);
      // Who may publish is the schedule's business (enforced through LiveKit permissions); the
      // newest published track is on air, so at a handover the incoming DJ takes the air at once.
      // The account's name, never the participant's own (a DJ may rename itself in LiveKit).
      const name = account?.name || UNKNOWN_DJ_NAME;
      await tx.channel.updateMany({
        // OR, because NOT(x = y) is never true for NULL in SQL.
        where: { id: channelId, OR: [{ liveTrackSid: null }, { liveTrackSid: { not: action.trackSid } }] },
        data: { liveIdentity: identity, liveName: name, liveTrackSid: action.trackSid, liveSince: at },
      });
      return;
    }
    case 'off_air':
      await tx.channel.updateMany({ where: { id: channelId, liveTrackSid: action.trackSid }, data: OFF_AIR });
      return;
  }
}
