import 'server-only';
import type { BroadcastSummary, TempoPointDto } from '@/types/tempo';
import type { CurrentUser } from '../auth';
import { getDb, type Broadcast } from '../db';
import { parseHosts } from '../egress';
import { forbidden, notFound } from '../http';
import { setTracks } from '../now-playing';

/** Sets listed on the past-sets page: the most recent ones. */
const RECENT_BROADCASTS = 50;
/** Five-second points for twelve hours: more than any set. */
const MAX_POINTS = 8_640;

/**
 * The channel for a slug if the user may see its past sets: admins always, DJs only on a
 * channel they are listed on. Unknown channels are 404 for admins and 403 for DJs, so DJs
 * cannot probe for channel names.
 */
export async function channelForSets(user: CurrentUser, slug: string): Promise<{ id: string; slug: string; name: string }> {
  const channel = await getDb().channel.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (user.role === 'admin') {
    if (!channel) throw notFound('No such channel.');
    return channel;
  }
  const listed =
    channel && (await getDb().channelDj.findUnique({ where: { channelId_userId: { channelId: channel.id, userId: user.id } } }));
  if (!channel || !listed) throw forbidden('Only admins and the DJs of this channel can see its past sets.');
  return channel;
}

function toSummary(
  row: Pick<
    Broadcast,
    'id' | 'startedAt' | 'endedAt' | 'hosts' | 'peakListeners' | 'archivedAt' | 'hiddenAt' | 'purgedAt' | 'autoDjPicked'
  >,
  now: Date,
): BroadcastSummary {
  const end = row.endedAt ?? now;
  return {
    id: row.id,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    hosts: parseHosts(row.hosts).map((h) => h.name),
    durationSeconds: Math.max(0, Math.round((end.getTime() - row.startedAt.getTime()) / 1000)),
    peakListeners: row.peakListeners,
    archived: row.archivedAt !== null && row.purgedAt === null,
    hidden: row.hiddenAt !== null,
    autoDjPicked: row.autoDjPicked,
  };
}

const summaryFields = {
  id: true,
  startedAt: true,
  endedAt: true,
  hosts: true,
  peakListeners: true,
  archivedAt: true,
  hiddenAt: true,
  purgedAt: true,
  autoDjPicked: true,
} as const;

/** The channel's most recent sets, newest first (a running one included). */
export async function listBroadcasts(channelId: string, now = new Date()): Promise<BroadcastSummary[]> {
  const rows = await getDb().broadcast.findMany({
    where: { channelId, deletedAt: null },
    orderBy: { startedAt: 'desc' },
    take: RECENT_BROADCASTS,
    select: summaryFields,
  });
  return rows.map((r) => toSummary(r, now));
}

/** One set of the channel with its stored tempo curve (oldest point first) and its tracks. */
export async function broadcastTempo(channelId: string, broadcastId: string, now = new Date()) {
  const row = await getDb().broadcast.findFirst({ where: { id: broadcastId, channelId, deletedAt: null }, select: summaryFields });
  if (!row) throw notFound('No such set on this channel.');
  const points = await getDb().tempoPoint.findMany({
    where: { broadcastId },
    orderBy: { at: 'asc' },
    take: MAX_POINTS,
    select: { at: true, bpm: true, confidence: true },
  });
  const dto: TempoPointDto[] = points.map((p) => ({ at: p.at.getTime(), bpm: p.bpm, confidence: p.confidence }));
  return { broadcast: toSummary(row, now), points: dto, tracks: await setTracks(broadcastId) };
}

/** Channels whose past sets the user may see: every channel for admins, their own for DJs. */
export async function channelsWithSets(user: CurrentUser): Promise<{ slug: string; name: string }[]> {
  return getDb().channel.findMany({
    where: user.role === 'admin' ? {} : { djs: { some: { userId: user.id } } },
    orderBy: { name: 'asc' },
    select: { slug: true, name: true },
  });
}
