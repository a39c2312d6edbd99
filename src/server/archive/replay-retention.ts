import 'server-only';
import { getDb } from '../db';
import { deleteFolder, type StorageConfig } from '../storage';
import { purgeCutoffs } from './archive-plan';

/**
 * A replay's live HLS (AutoDJ) is never archived: its objects, then its row, go an hour after
 * it ended, like the HLS of a set that is not archived. Returns how many went.
 */
export async function purgeReplayHls(conf: StorageConfig, now: Date): Promise<number> {
  const rows = await getDb().replayHls.findMany({
    where: { endedAt: { not: null, lte: purgeCutoffs(now).unarchived } },
    select: { id: true, storagePath: true },
    take: 100,
  });
  for (const r of rows) {
    const n = await deleteFolder(conf, r.storagePath);
    await getDb().replayHls.delete({ where: { id: r.id } });
    console.info(`[archive] removed ${n} object(s) of replay HLS ${r.id}`);
  }
  return rows.length;
}
