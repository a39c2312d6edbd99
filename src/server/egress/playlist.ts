import 'server-only';
import { getDb } from '../db';
import { getEnv } from '../env';
import { notFound, unavailable } from '../http';
import { attemptKeys, objectModifiedAt, publicObjectUrl, storageConfig } from '../storage';
import { firstPerKey, inChunks, tickBatch } from '../tick-batch';

export type LiveHls = {
  /** Public URL of the current live (sliding window) playlist. */
  playlistUrl: string;
  /** Whether its first segments are written, i.e. a player can start now. */
  ready: boolean;
};

// Listener pages ask every few seconds; one HEAD per channel per TTL is plenty.
const READY_TTL_MS = 2_000;
const readyCache = new Map<string, { ready: boolean; until: number }>();

async function playlistExists(key: string): Promise<boolean> {
  const conf = storageConfig();
  if (!conf) return false;
  const now = Date.now();
  const hit = readyCache.get(key);
  if (hit && hit.until > now) return hit.ready;
  const ready = (await objectModifiedAt(conf, key).catch(() => null)) !== null;
  if (readyCache.size > 1000) readyCache.clear();
  // A ready playlist stays ready for this attempt; only "not yet" is asked again soon.
  readyCache.set(key, { ready, until: ready ? now + 3_600_000 : now + READY_TTL_MS });
  return ready;
}

const egressWhere = (channelIds: string[]) => ({
  channelId: { in: channelIds },
  endedAt: null,
  egressId: { not: null },
  attempt: { gt: 0 },
});
const egressFields = { channelId: true, storagePath: true, attempt: true } as const;

/**
 * The running egress of every channel asked for in one turn, in two reads whatever their number, up
 * to 400 (the live streams compute their channels side by side every pass): a DJ's set wins over a
 * replay's HLS.
 */
const runningEgress = tickBatch(async (channelIds: string[]) => {
  const newest = [{ startedAt: 'desc' }, { id: 'desc' }] as const;
  const [sets, replays] = await Promise.all([
    inChunks(channelIds, (ids) => getDb().broadcast.findMany({ where: egressWhere(ids), orderBy: [...newest], select: egressFields })),
    inChunks(channelIds, (ids) => getDb().replayHls.findMany({ where: egressWhere(ids), orderBy: [...newest], select: egressFields })),
  ]);
  return firstPerKey([...sets, ...replays], (row) => row.channelId);
});

/** The live HLS of a channel with an egress running: its DJ's broadcast, else its replay's HLS; else null. */
export async function liveHls(channelId: string): Promise<LiveHls | null> {
  const conf = storageConfig();
  if (!conf) return null;
  const row = await runningEgress(channelId);
  if (!row) return null;
  const key = attemptKeys(row.storagePath, row.attempt).livePlaylist;
  return { playlistUrl: publicObjectUrl(conf.publicBaseUrl, key), ready: await playlistExists(key) };
}

async function channelBySlug(slug: string) {
  const channel = await getDb().channel.findUnique({
    where: { slug },
    select: { id: true, name: true, liveIdentity: true, replaySessionId: true },
  });
  if (!channel) throw notFound('No such channel.');
  return channel;
}

/** Where /c/<slug>/live.m3u8 redirects: the live playlist of the DJ on air, or of AutoDJ's replay. */
export async function currentLivePlaylist(slug: string): Promise<string> {
  const channel = await channelBySlug(slug);
  if (!storageConfig()) throw notFound('This station does not stream HLS.');
  if (!channel.liveIdentity && !channel.replaySessionId) throw notFound('The channel is off air.');
  const hls = await liveHls(channel.id);
  if (!hls?.ready) throw unavailable('The stream is starting; try again in a few seconds.', 2);
  return hls.playlistUrl;
}

/** The .m3u a listener downloads: one entry, the channel's stable live.m3u8 URL. */
export async function channelPlaylistFile(slug: string): Promise<{ body: string; filename: string }> {
  const channel = await channelBySlug(slug);
  const title = channel.name.replace(/[\r\n]+/g, ' ');
  const url = `${getEnv().APP_URL.replace(/\/+$/, '')}/c/${encodeURIComponent(slug)}/live.m3u8`;
  return { body: `#EXTM3U\n#EXTINF:-1,${title}\n${url}\n`, filename: `${slug}.m3u` };
}
