import 'server-only';
import type { NowPlayingRequest, NowPlayingWriteResponse, TrackDto } from '@/types/now-playing';
import { djUserId, participantKind } from '@/types/room';
import type { CurrentUser } from '../auth';
import { getDb } from '../db';
import { conflict, HttpError, notFound } from '../http';
import { liveStateKnown } from '../live-state';
import { TASKS, wake } from '../loop';
import { nowPlayingAccess, type OpenSet, planWrite, toTrackDto } from './now-playing-plan';

/** Longest track list kept per set: a track a minute for more than a day. */
const MAX_TRACKS = 2_000;

const openSetOf = (channelId: string) =>
  getDb().broadcast.findFirst({
    where: { channelId, endedAt: null },
    orderBy: { startedAt: 'desc' },
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

/** The channel's open set as now playing shows it (null when none is open). */
export async function openSetNowPlaying(channelId: string): Promise<OpenSet | null> {
  const set = await getDb().broadcast.findFirst({
    where: { channelId, endedAt: null },
    orderBy: { startedAt: 'desc' },
    select: {
      showTitle: true,
      tracks: { orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: 1, select: { title: true, startedAt: true } },
    },
  });
  return set ? { showTitle: set.showTitle, lastTrack: set.tracks[0] ?? null } : null;
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
