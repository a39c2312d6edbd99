import 'server-only';
import { parseTempoAttributes, type LiveTempo } from '@/types/bpm';
import { channelPublisher, channelRoom, replayIdentity } from '@/types/room';
import { liveStateKnown } from '../live-state';
import { getDb } from '../db';
import { getRoomService } from '../livekit';
import { leaseHeld, TASKS, wake } from '../loop';
import { type ChannelTempo, lastPointAt, lastTempo, replaceTempos } from './live-tempo';
import { pointDue, tempoPoint } from './sampling';

const notFound = (err: unknown) => typeof err === 'object' && err !== null && (err as { status?: unknown }).status === 404;

/**
 * The tempo attributes of whoever is on air (browser console or OBS ingress: whoever the live
 * state names) or of the replay, or null when it publishes none or has just left the room.
 */
async function readTempo(channelId: string, identity: string): Promise<LiveTempo | null> {
  try {
    const p = await getRoomService().getParticipant(channelRoom(channelId), identity);
    return parseTempoAttributes(p.attributes ?? {});
  } catch (err) {
    if (notFound(err)) return null;
    throw err;
  }
}

/** Appends a curve point to each open broadcast of a channel with a tempo, every ~5 s. */
async function storePoints(now: Date, tempos: ReadonlyMap<string, ChannelTempo>): Promise<void> {
  const last = lastPointAt();
  const open = tempos.size
    ? await getDb().broadcast.findMany({
        where: { endedAt: null, channelId: { in: [...tempos.keys()] } },
        select: { id: true, channelId: true },
      })
    : [];
  const openIds = new Set(open.map((b) => b.id));
  for (const id of last.keys()) if (!openIds.has(id)) last.delete(id);
  const rows = [];
  for (const b of open) {
    const point = tempoPoint(tempos.get(b.channelId)?.tempo ?? null);
    if (!point || !pointDue(last.get(b.id), now.getTime())) continue;
    rows.push({ broadcastId: b.id, at: now, ...point });
    last.set(b.id, now.getTime());
  }
  if (rows.length) await getDb().tempoPoint.createMany({ data: rows });
}

const publisherFields = { id: true, liveIdentity: true, replaySessionId: true } as const;

/** One pass: read every on-air or replaying channel's tempo, publish changes to the live streams, store DJs' curves (lease holder only). */
export async function relayTempo(now: Date): Promise<void> {
  // While LiveKit's state is unknown nobody counts as on air, so nobody has a tempo either.
  const rows = liveStateKnown()
    ? await getDb().channel.findMany({
        where: { OR: [{ liveIdentity: { not: null } }, { replaySessionId: { not: null } }] },
        select: publisherFields,
      })
    : [];
  const live = rows.flatMap((c) => {
    const identity = channelPublisher(c)?.identity;
    return identity ? [{ id: c.id, identity }] : [];
  });
  const results = await Promise.allSettled(live.map((c) => readTempo(c.id, c.identity)));
  const next = new Map<string, ChannelTempo>();
  let failure: unknown = null;
  results.forEach((r, i) => {
    const c = live[i];
    if (!c) return;
    if (r.status === 'rejected') failure ??= r.reason;
    else if (r.value) next.set(c.id, { identity: c.identity, tempo: r.value });
  });
  if (replaceTempos(next)) wake(TASKS.streams); // the live update streams carry it
  // Every replica reads the tempo for its own streams (read-only calls); the curve is written once per
  // cluster, from DJs only: a replay's is its set's stored curve, never a DJ set's still open here.
  if (leaseHeld()) await storePoints(now, new Map([...next].filter(([id, t]) => t.identity !== replayIdentity(id))));
  // Other channels were served; the loop logs the failure once and retries.
  if (failure) throw failure;
}

/**
 * The tempo a channel's stream shows: the last one read, if its publisher is still the one on
 * air (or still the replay). Checked on every snapshot, because a webhook (off air, handover) refreshes the streams
 * before the relay's next pass would.
 */
export async function currentTempo(channelId: string): Promise<LiveTempo | null> {
  const last = lastTempo(channelId);
  if (!last || !liveStateKnown()) return null;
  const row = await getDb().channel.findUnique({ where: { id: channelId }, select: publisherFields });
  return row && channelPublisher(row)?.identity === last.identity ? last.tempo : null;
}
