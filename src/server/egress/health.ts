import 'server-only';
import { getDb } from '../db';
import { attemptKeys, objectModifiedAt, type StorageConfig, storageConfig } from '../storage';
import { type PlaylistHealth, playlistHealth } from './health-plan';

export type ChannelHlsHealth = { slug: string } & PlaylistHealth;

// Health may be polled by several monitors: one HEAD per playlist per TTL, shared by concurrent checks.
const HEAD_TTL_MS = 2_000;
const HEAD_TIMEOUT_MS = 2_000;
const heads = new Map<string, { until: number; modifiedAt: Promise<Date | null | undefined> }>();

/** The live playlist's last write (the object egress supervision reads); undefined when storage did not answer. */
function modifiedAt(conf: StorageConfig, key: string): Promise<Date | null | undefined> {
  const now = Date.now();
  const hit = heads.get(key);
  if (hit && hit.until > now) return hit.modifiedAt;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), HEAD_TIMEOUT_MS)));
  const head = objectModifiedAt(conf, key).catch(() => undefined);
  const value = Promise.race([head, timeout]).finally(() => clearTimeout(timer));
  for (const [k, v] of heads) if (v.until <= now) heads.delete(k);
  heads.set(key, { until: now + HEAD_TTL_MS, modifiedAt: value });
  return value;
}

const latest = (...dates: (Date | null | undefined)[]) => dates.reduce<Date | null>((a, d) => (d && (!a || d > a) ? d : a), null);

type Stream = { storagePath: string; attempt: number; startedAt: Date; egressStartedAt: Date | null } | undefined;
const streamFields = { storagePath: true, attempt: true, startedAt: true, egressStartedAt: true } as const;

/**
 * Per channel on air or on a replay: whether the live playlist of its current broadcast (or of the
 * replay's HLS) exists and how old it is. Null when the station runs without HLS. Slugs only: no
 * keys, URLs or storage names.
 */
export async function hlsHealth(now = new Date()): Promise<ChannelHlsHealth[] | null> {
  const conf = storageConfig();
  if (!conf) return null;
  const channels = await getDb().channel.findMany({
    where: { OR: [{ liveIdentity: { not: null } }, { replaySessionId: { not: null } }] },
    orderBy: { slug: 'asc' },
    select: {
      id: true,
      slug: true,
      liveIdentity: true,
      liveSince: true,
      broadcasts: { where: { endedAt: null }, orderBy: { startedAt: 'desc' }, take: 1, select: streamFields },
    },
  });
  const replays = await getDb().replayHls.findMany({
    where: { endedAt: null, channelId: { in: channels.filter((c) => !c.liveIdentity).map((c) => c.id) } },
    select: { channelId: true, ...streamFields },
  });
  return Promise.all(
    channels.map(async (c) => {
      const b: Stream = c.liveIdentity ? c.broadcasts[0] : replays.find((r) => r.channelId === c.id);
      const since = latest(c.liveIdentity ? c.liveSince : null, b?.startedAt, b?.egressStartedAt) ?? now;
      const written = b && b.attempt > 0 ? await modifiedAt(conf, attemptKeys(b.storagePath, b.attempt).livePlaylist) : null;
      return { slug: c.slug, ...playlistHealth({ now, since, modifiedAt: written }) };
    }),
  );
}
