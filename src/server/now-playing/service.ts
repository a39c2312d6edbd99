import 'server-only';
import type { NowPlayingRequest, NowPlayingWriteResponse, TrackDto } from '@/types/now-playing';
import { djUserId, participantKind } from '@/types/room';
import type { CurrentUser } from '../auth';
import { getDb } from '../db';
import { conflict, HttpError, notFound } from '../http';
import { liveStateKnown } from '../live-state';
import { TASKS, wake } from '../loop';
import { firstPerKey, inChunks, READ_CHUNK, tickBatch } from '../tick-batch';
import { nowPlayingAccess, type OpenSet, planWrite, toTrackDto } from './now-playing-plan';

/** Longest track list kept per set: a track a minute for more than a day. */
const MAX_TRACKS = 2_000;

/** The newest open set first; the id breaks a tie the same way on the write path and the streams' read. */
const newestSet = [{ startedAt: 'desc' }, { id: 'desc' }] as const;

const openSetOf = (channelId: string) =>
  getDb().broadcast.findFirst({
    where: { channelId, endedAt: null },
    orderBy: [...newestSet],
    select: { id: true, showTitle: true, _count: { select: { tracks: true } } },
  });

/**
 * Sets the show title and/or starts a track on the channel's open set, for the DJ on air there or
 * an admin; the channel's live stream carries it at once.
 */
export async function setNowPlaying(
  user: CurrentUser,
  slug: string,
  req: NowPlayingRequest,
  now = new Date(),
): Promise<NowPlayingWriteResponse> {
  const channel = await getDb().channel.findUnique({ where: { slug }, select: { id: true, liveIdentity: true } });
  if (!channel) throw notFound('No such channel.');
  const live = liveStateKnown() ? channel.liveIdentity : null;
  const set = live ? await openSetOf(channel.id) : null;
  const liveAccountId = live && participantKind(live) === 'dj' ? djUserId(live) : null;
  const access = nowPlayingAccess(user, { onAir: live !== null, liveAccountId, setOpen: set !== null });
  if (!access.ok && access.reason === 'not_on_air') {
    throw new HttpError(403, 'not_on_air', 'Only the DJ on air on this channel (or an admin) can set what is playing.');
  }
  // On air, the set opens with the webhook that saw the track: a moment after Go live.
  if (!access.ok || !set)
    throw conflict(live ? 'The set is still starting: try again in a moment.' : 'Nothing is on air on this channel right now.');
  if (req.track && set._count.tracks >= MAX_TRACKS) throw conflict(`A set keeps at most ${MAX_TRACKS} tracks.`);

  const write = planWrite(req, now);
  const [row] = await getDb().$transaction([
    getDb().broadcast.update({ where: { id: set.id }, data: write.showTitle === undefined ? {} : { showTitle: write.showTitle } }),
    ...(write.track ? [getDb().track.create({ data: { broadcastId: set.id, ...write.track } })] : []),
  ]);
  wake(TASKS.streams);
  return { showTitle: row.showTitle, track: write.track ? toTrackDto(write.track) : null };
}

/**
 * The open set of every channel asked for in one turn, with its last track: two or three reads
 * whatever their number, up to 400 (the live streams read every on-air channel's each pass).
 */
const openSets = tickBatch(async (channelIds: string[]): Promise<Map<string, OpenSet>> => {
  const rows = await inChunks(channelIds, (ids) =>
    getDb().broadcast.findMany({
      where: { channelId: { in: ids }, endedAt: null },
      orderBy: [...newestSet],
      select: { id: true, channelId: true, showTitle: true },
    }),
  );
  const sets = firstPerKey(rows, (row) => row.channelId);
  const last = await lastTracks([...sets.values()].map((set) => set.id));
  return new Map([...sets].map(([channelId, set]) => [channelId, { showTitle: set.showTitle, lastTrack: last.get(set.id) ?? null }]));
});

type LastTrack = { title: string; startedAt: Date };
const lastFirst = [{ startedAt: 'desc' }, { id: 'desc' }] as const;
const trackFields = { broadcastId: true, title: true, startedAt: true } as const;

/**
 * Each set's last track (latest start, then highest id). Not a nested `take: 1`: Prisma reads every
 * track of the sets and trims in memory. One set (most passes): its newest track through the index;
 * several: their newest starts grouped, then those tracks, two reads whatever their number.
 */
async function lastTracks(setIds: string[]): Promise<Map<string, LastTrack>> {
  const only = setIds.length === 1 ? setIds[0] : undefined;
  if (only !== undefined) {
    const t = await getDb().track.findFirst({ where: { broadcastId: only }, orderBy: [...lastFirst], select: trackFields });
    return new Map(t ? [[only, { title: t.title, startedAt: t.startedAt }]] : []);
  }
  const newest = await inChunks(setIds, (ids) =>
    getDb().track.groupBy({ by: ['broadcastId'], where: { broadcastId: { in: ids } }, _max: { startedAt: true } }),
  );
  const at = newest.flatMap((g) => (g._max.startedAt ? [{ broadcastId: g.broadcastId, startedAt: g._max.startedAt }] : []));
  // Two parameters a pair: half the chunk keeps a statement under SQLite's limit.
  const rows = await inChunks(
    at,
    (pairs) => getDb().track.findMany({ where: { OR: pairs }, orderBy: [...lastFirst], select: trackFields }),
    READ_CHUNK / 2,
  );
  return new Map([...firstPerKey(rows, (row) => row.broadcastId)].map(([id, t]) => [id, { title: t.title, startedAt: t.startedAt }]));
}

/** The channel's open set as now playing shows it (null when none is open). */
export async function openSetNowPlaying(channelId: string): Promise<OpenSet | null> {
  return (await openSets(channelId)) ?? null;
}

/** A set's tracks in the order they were played. */
export async function setTracks(broadcastId: string): Promise<TrackDto[]> {
  const rows = await getDb().track.findMany({
    where: { broadcastId },
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    take: MAX_TRACKS,
    select: { title: true, startedAt: true },
  });
  return rows.map(toTrackDto);
}
