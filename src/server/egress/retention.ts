import 'server-only';
import { getDb } from '../db';
import { getEnv } from '../env';
import { deleteFolder, type StorageConfig } from '../storage';

const DAY_MS = 86_400_000;

/**
 * Deletes the HLS of broadcasts that ended longer ago than their channel's
 * retention (HLS_RETENTION_DAYS unless the channel sets its own). Works per
 * broadcast, so a later "keep this set" flag only has to exclude rows here.
 */
export async function purgeExpiredBroadcasts(conf: StorageConfig, now = new Date()): Promise<number> {
  const defaultDays = getEnv().HLS_RETENTION_DAYS;
  // The shortest possible retention bounds the query; each row is then checked against its channel.
  const candidates = await getDb().broadcast.findMany({
    where: { purgedAt: null, endedAt: { not: null, lte: new Date(now.getTime() - DAY_MS) } },
    select: { id: true, endedAt: true, storagePath: true, channel: { select: { hlsRetentionDays: true } } },
    take: 100,
  });
  let purged = 0;
  for (const b of candidates) {
    const days = b.channel.hlsRetentionDays ?? defaultDays;
    if (!b.endedAt || now.getTime() - b.endedAt.getTime() < days * DAY_MS) continue;
    const objects = await deleteFolder(conf, b.storagePath);
    await getDb().broadcast.update({ where: { id: b.id }, data: { purgedAt: now } });
    console.info(`[egress] retention: removed ${objects} object(s) of broadcast ${b.id}`);
    purged += 1;
  }
  return purged;
}
