import 'server-only';
import {
  type AdminChannel,
  type ChannelHls,
  type ChannelListQuery,
  type ChannelListResponse,
  type ChannelSummary,
  autoDjOrderSchema,
  autoDjSourceSchema,
  CHANNEL_PAGE_SIZE,
} from '@/types/channel';
import { type LiveHls, liveHls } from '../egress';
import { getEnv } from '../env';
import { getDb, type Channel } from '../db';
import { hlsListenerCount } from './hls-listeners';
import { liveStateKnown } from '../live-state';
import { planChannelPage } from './page-plan';
import { inChunks, tickBatch } from '../tick-batch';

type ChannelRow = Pick<
  Channel,
  | 'id'
  | 'slug'
  | 'name'
  | 'description'
  | 'timeZone'
  | 'liveIdentity'
  | 'liveName'
  | 'liveSince'
  | 'replayBroadcastId'
  | 'replayName'
  | 'replayDate'
>;

export function toChannelSummary(
  row: ChannelRow,
  listeners: number,
  known = liveStateKnown(),
  hls: ChannelHls | null = null,
): ChannelSummary {
  const onAir = known && row.liveIdentity !== null;
  // AutoDJ's replay is its own state: shown only while nobody is on air.
  const replay =
    known && !onAir && row.replayBroadcastId && row.replayDate
      ? { djName: row.replayName ?? '', date: row.replayDate.toISOString(), setId: row.replayBroadcastId }
      : null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    timeZone: row.timeZone,
    live: {
      known,
      onAir,
      djName: onAir ? (row.liveName ?? row.liveIdentity) : null,
      since: onAir && row.liveSince ? row.liveSince.toISOString() : null,
      listeners: known ? listeners : 0,
      hls: onAir || replay ? hls : null,
      replay,
    },
  };
}

/** Listeners currently in each channel's room, from presence rows kept by webhooks. */
async function listenerCounts(channelIds: string[]): Promise<Map<string, number>> {
  // In parts: Prisma splits a findMany's long `in` list for SQLite, not a groupBy's (a station of 1,000 channels failed).
  const groups = await inChunks(channelIds, (ids) =>
    getDb().presence.groupBy({
      by: ['channelId'],
      where: { channelId: { in: ids }, kind: 'listener', leftAt: null },
      _count: { _all: true },
    }),
  );
  return new Map(groups.map((g) => [g.channelId, g._count._all]));
}

/** One channel's count, read with the other channels' counts asked for in the same turn (the streams' pass). */
const listenersOf = tickBatch(listenerCounts);

async function countsOf(ids: string[]): Promise<Map<string, number>> {
  const [only, ...rest] = ids;
  if (only === undefined || rest.length > 0) return listenerCounts(ids);
  return new Map([[only, (await listenersOf(only)) ?? 0]]);
}

/** HLS of a channel on air or on a replay (`preferred` is the summary's to decide). */
async function channelHls(row: ChannelRow): Promise<LiveHls | null> {
  if (row.liveIdentity === null && row.replayDate === null) return null;
  return liveHls(row.id);
}

/**
 * Public summaries of channel rows. Their reads run side by side (listener counts, each channel's
 * HLS): a live update stream waits for all of them, and under load every round trip counts.
 */
export async function summarizeChannels(rows: ChannelRow[]): Promise<ChannelSummary[]> {
  const known = liveStateKnown();
  const [counts, hls] = await Promise.all([countsOf(rows.map((r) => r.id)), Promise.all(rows.map(channelHls))]);
  return rows.map((row, i) => {
    const webrtc = counts.get(row.id) ?? 0;
    const stream = hls[i] ?? null;
    const preferred = webrtc >= getEnv().HLS_LISTENER_THRESHOLD;
    return toChannelSummary(row, webrtc + hlsListenerCount(row.id), known, stream && { ...stream, preferred });
  });
}

/** Every channel's row, by name. */
export function listChannelRows() {
  return getDb().channel.findMany({ orderBy: { name: 'asc' } });
}

/** One channel's row, for a caller that reads more of it beside its summary. */
export function channelRowBySlug(slug: string) {
  return getDb().channel.findUnique({ where: { slug } });
}

export async function listChannels(): Promise<ChannelSummary[]> {
  return summarizeChannels(await listChannelRows());
}

/** One page of the public channel list (home, /dj, GET /api/channels). */
export async function listChannelPage(query: ChannelListQuery): Promise<ChannelListResponse> {
  return planChannelPage(await listChannels(), query, CHANNEL_PAGE_SIZE);
}

/** Channels with their settings, for the admin console. */
export async function listAdminChannels(): Promise<AdminChannel[]> {
  const rows = await listChannelRows();
  const summaries = await summarizeChannels(rows);
  return summaries.flatMap((summary, i) => {
    const row = rows[i];
    return row ? [{ ...summary, ...adminSettings(row) }] : [];
  });
}

type SettingsRow = Pick<Channel, 'hlsRetentionDays' | 'archiveEnabled' | 'autoDjEnabled' | 'autoDjOrder' | 'autoDjSource'>;

/** The settings an admin sees beside a channel's public summary. */
export function adminSettings(row: SettingsRow): Omit<AdminChannel, keyof ChannelSummary> {
  return {
    hlsRetentionDays: row.hlsRetentionDays,
    archiveEnabled: row.archiveEnabled,
    autoDjEnabled: row.autoDjEnabled,
    autoDjOrder: autoDjOrderSchema.catch('newest').parse(row.autoDjOrder),
    autoDjSource: autoDjSourceSchema.catch('all').parse(row.autoDjSource),
  };
}

export async function getChannelBySlug(slug: string): Promise<ChannelSummary | null> {
  const row = await channelRowBySlug(slug);
  return row ? ((await summarizeChannels([row]))[0] ?? null) : null;
}

// Token requests ask this on every listener tune-in; channels rarely change, so a
// short positive cache spares SQLite. Misses are never cached (new channels work at
// once) and deleteChannel() forgets the id (one app instance owns the database).
const EXISTS_TTL_MS = 10_000;
const EXISTS_MAX_ENTRIES = 10_000;
const knownChannels = new Map<string, number>();

export async function channelExists(id: string): Promise<boolean> {
  const now = Date.now();
  if ((knownChannels.get(id) ?? 0) > now) return true;
  const found = (await getDb().channel.count({ where: { id } })) > 0;
  if (found) {
    if (knownChannels.size >= EXISTS_MAX_ENTRIES) knownChannels.clear();
    knownChannels.set(id, now + EXISTS_TTL_MS);
  }
  return found;
}

/** Who is on air on a channel (LiveKit identity and shown name), or null. */
export async function onAirIn(channelId: string): Promise<{ identity: string; name: string } | null> {
  const row = await getDb().channel.findUnique({ where: { id: channelId }, select: { liveIdentity: true, liveName: true } });
  return row?.liveIdentity ? { identity: row.liveIdentity, name: row.liveName ?? 'Another DJ' } : null;
}

export function forgetChannel(id: string): void {
  knownChannels.delete(id);
}
