import 'server-only';
import type { ArchivedSet, ArchivedSetDetail, ArchiveListResponse, ArchiveQuery, TimelinePart } from '@/types/archive';
import type { TempoPointDto } from '@/types/tempo';
import { z } from '@/types/zod';
import { getDb, type Broadcast } from '../db';
import { parseHosts } from '../egress';
import { notFound } from '../http';
import { setTracks } from '../now-playing';
import { publicObjectUrl, storageConfig } from '../storage';
import { archiveKeys } from './finalise';
import { dayRange, djNames, hostedBy, pageOf, tempoRange } from './search-plan';

const LIST_LIMIT = 200;
/** Sets per archive page. */
export const ARCHIVE_PAGE_SIZE = 50;
const MAX_POINTS = 8_640;

/** What the public may see: archived, not hidden, deleted or purged. */
export const visibleSet = { archivedAt: { not: null }, hiddenAt: null, deletedAt: null, purgedAt: null } as const;

export type ArchiveChannel = { id: string; slug: string; name: string; description: string; timeZone: string; archiveEnabled: boolean };

export async function archiveChannel(slug: string): Promise<ArchiveChannel> {
  const channel = await getDb().channel.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, description: true, timeZone: true, archiveEnabled: true },
  });
  if (!channel) throw notFound('No such channel.');
  return channel;
}

const setFields = {
  id: true,
  startedAt: true,
  endedAt: true,
  hosts: true,
  showTitle: true,
  archiveSeconds: true,
  archiveBytes: true,
  tempoMedian: true,
  storagePath: true,
} as const;
type SetRow = Pick<Broadcast, keyof typeof setFields>;

function toSet(r: SetRow, publicBaseUrl: string): ArchivedSet {
  const keys = archiveKeys(r.storagePath);
  return {
    id: r.id,
    startedAt: r.startedAt.toISOString(),
    endedAt: (r.endedAt ?? r.startedAt).toISOString(),
    hosts: parseHosts(r.hosts).map((h) => h.name),
    title: r.showTitle,
    seconds: r.archiveSeconds ?? 0,
    bpm: r.tempoMedian,
    playlistUrl: publicObjectUrl(publicBaseUrl, keys.playlist),
    downloadUrl: publicObjectUrl(publicBaseUrl, keys.audio),
    bytes: r.archiveBytes ?? 0,
  };
}

function baseUrl(): string {
  const conf = storageConfig();
  if (!conf) throw notFound('This station keeps no recordings.');
  return conf.publicBaseUrl;
}

/** A page of a channel's public archive, newest first, filtered by DJ, days (in the channel's zone) and set tempo. */
export async function listArchive(channel: ArchiveChannel, q: ArchiveQuery, pageSize = ARCHIVE_PAGE_SIZE): Promise<ArchiveListResponse> {
  const base = baseUrl();
  const tempo = tempoRange(q);
  const rows = await getDb().broadcast.findMany({
    where: { channelId: channel.id, ...visibleSet, startedAt: dayRange(q, channel.timeZone), ...(tempo ? { tempoMedian: tempo } : {}) },
    orderBy: { startedAt: 'desc' },
    select: setFields,
  });
  const all = rows.map((r) => toSet(r, base));
  // The DJ filter runs here, not in SQL: hosts are stored as JSON (the same on SQLite and PostgreSQL).
  const { items, ...paging } = pageOf(
    all.filter((s) => hostedBy(s.hosts, q.dj)),
    q.page ?? 1,
    pageSize,
  );
  return { sets: items, djs: djNames(all), ...paging };
}

/** A set AutoDJ may replay: public, with its `.m4a` at the public base URL (the ingress pulls it from there). */
export type ReplayableSet = { id: string; startedAt: Date; hosts: string[]; audioUrl: string };

/**
 * A channel's public sets, newest first (AutoDJ's source), or only those an admin picked for it;
 * none when the station keeps no recordings.
 */
export async function replayableSets(channelId: string, pickedOnly = false, limit = LIST_LIMIT): Promise<ReplayableSet[]> {
  const conf = storageConfig();
  if (!conf) return [];
  const rows = await getDb().broadcast.findMany({
    where: { channelId, ...visibleSet, archiveSeconds: { gt: 0 }, ...(pickedOnly && { autoDjPicked: true }) },
    orderBy: { startedAt: 'desc' },
    take: limit,
    select: { id: true, startedAt: true, hosts: true, storagePath: true },
  });
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.startedAt,
    hosts: parseHosts(r.hosts).map((h) => h.name),
    audioUrl: publicObjectUrl(conf.publicBaseUrl, archiveKeys(r.storagePath).audio),
  }));
}

const timelineSchema = z.array(z.object({ offset: z.number(), at: z.number().nullable(), seconds: z.number() }));

function parseTimeline(json: string | null): TimelinePart[] {
  const parsed = timelineSchema.safeParse(json ? JSON.parse(json) : []);
  return parsed.success ? parsed.data : [];
}

/** A set's stored tempo curve, oldest first (epoch ms). */
async function setPoints(id: string): Promise<TempoPointDto[]> {
  const points = await getDb().tempoPoint.findMany({
    where: { broadcastId: id },
    orderBy: { at: 'asc' },
    take: MAX_POINTS,
    select: { at: true, bpm: true, confidence: true },
  });
  return points.map((p) => ({ at: p.at.getTime(), bpm: p.bpm, confidence: p.confidence }));
}

/** What AutoDJ needs to show a replayed set's stored tempo: its start, the recording's timeline and the curve. */
export type ReplayCurve = {
  setStart: number;
  timeline: TimelinePart[];
  points: TempoPointDto[];
};

export async function replayCurve(setId: string): Promise<ReplayCurve> {
  const row = await getDb().broadcast.findUnique({ where: { id: setId }, select: { startedAt: true, archiveTimeline: true } });
  return {
    setStart: row?.startedAt.getTime() ?? 0,
    timeline: parseTimeline(row?.archiveTimeline ?? null),
    points: await setPoints(setId),
  };
}

/** One public set with its curve, tracks and the recording's timeline. */
export async function archivedSet(channel: ArchiveChannel, id: string): Promise<ArchivedSetDetail> {
  const base = baseUrl();
  const row = await getDb().broadcast.findFirst({
    where: { id, channelId: channel.id, ...visibleSet },
    select: { ...setFields, archiveTimeline: true },
  });
  if (!row) throw notFound('No such set in this archive.');
  return {
    ...toSet(row, base),
    timeline: parseTimeline(row.archiveTimeline),
    points: await setPoints(id),
    tracks: await setTracks(id),
  };
}
