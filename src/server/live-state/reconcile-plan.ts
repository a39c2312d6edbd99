import 'server-only';
import { type ParticipantKind, participantKind } from '@/types/room';

const OFF_AIR_KINDS = new Set<ParticipantKind>(['listener', 'replay']);

/** A participant as LiveKit reports it now. */
export type RoomParticipant = { sid: string; identity: string; name: string; joinedAt: Date; audioTrackSids: string[] };

/** What the database believes about one channel. */
export type StoredChannel = {
  liveIdentity: string | null;
  liveTrackSid: string | null;
  liveSince: Date | null;
  presences: { participantSid: string; joinedAt: Date; leftAt: Date | null }[];
};

export type LiveCorrection =
  { type: 'keep' } | { type: 'clear' } | { type: 'set'; identity: string; name: string; trackSid: string; since: Date };

export type ReconcilePlan = {
  /** Presences the DB has open but LiveKit no longer has. */
  close: string[];
  /** Participants LiveKit has that the DB misses (or marked gone). */
  open: RoomParticipant[];
  live: LiveCorrection;
};

/**
 * A stored join is dated by LiveKit's webhook in whole seconds on LiveKit's clock: one dated up to
 * this long before the snapshot may still have happened after it (the snapshot then cannot show it).
 */
export const JOIN_DATE_MARGIN_MS = 2_000;

/**
 * Compares one channel's stored state with LiveKit's snapshot taken at `snapshotAt`.
 * Anything the DB learned after the snapshot (a webhook racing this check) is left alone.
 */
export function planReconcile(stored: StoredChannel, room: RoomParticipant[], snapshotAt: Date): ReconcilePlan {
  const present = new Map(room.map((p) => [p.sid, p]));
  const known = new Map(stored.presences.map((p) => [p.participantSid, p]));

  const close = stored.presences
    .filter(
      (p) => p.leftAt === null && !present.has(p.participantSid) && p.joinedAt.getTime() + JOIN_DATE_MARGIN_MS <= snapshotAt.getTime(),
    )
    .map((p) => p.participantSid);
  const open = room.filter((p) => {
    const row = known.get(p.sid);
    return !row || row.leftAt !== null;
  });

  const onAirNow = room.some((p) => p.identity === stored.liveIdentity && p.audioTrackSids.includes(stored.liveTrackSid ?? ''));
  // A replay (AutoDJ) publishes audio but is never on air; neither are listeners.
  const publisher = room.find((p) => !OFF_AIR_KINDS.has(participantKind(p.identity)) && p.audioTrackSids.length > 0);
  const settled = !stored.liveSince || stored.liveSince <= snapshotAt;

  let live: LiveCorrection = { type: 'keep' };
  if (!onAirNow && settled) {
    if (publisher) {
      const trackSid = publisher.audioTrackSids[0] as string;
      live = { type: 'set', identity: publisher.identity, name: publisher.name || publisher.identity, trackSid, since: snapshotAt };
    } else if (stored.liveIdentity !== null) {
      live = { type: 'clear' };
    }
  }
  return { close, open, live };
}

/**
 * Whether a pass has to look at a channel at all: a channel whose room LiveKit does not have, that
 * is off air and has nobody present, plans nothing (an empty room and no presences). Skipping it
 * keeps a pass's queries in proportion to the live channels (2026-12-06: 150 idle channels at the
 * tests' 2 s interval cost a fifth of a core between this and egress supervision).
 */
export function needsReconcile(channel: { liveIdentity: string | null }, roomExists: boolean, anyonePresent: boolean): boolean {
  return roomExists || anyonePresent || channel.liveIdentity !== null;
}
