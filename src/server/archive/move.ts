import 'server-only';
import { copyObject, deleteObjects, listFolder, type StorageConfig } from '../storage';
import { moveOrder } from './archive-plan';

const BATCH = 50;

/**
 * Moves every object under `from/` to `to/` (copy, then delete): the playlist and download
 * first, so an old public link to them stops working before the segments follow. Safe to run
 * again after a crash: what was already moved is no longer under `from/`.
 */
export async function moveFolder(conf: StorageConfig, from: string, to: string): Promise<number> {
  const keys = moveOrder((await listFolder(conf, from)).map((o) => o.key));
  let moved = 0;
  for (let i = 0; i < keys.length;) {
    // The two entry points alone, then segments in parallel batches.
    const size = i < 2 ? 1 : BATCH;
    const batch = keys.slice(i, i + size);
    await Promise.all(batch.map((k) => copyObject(conf, k, `${to}${k.slice(from.length)}`)));
    await deleteObjects(conf, batch);
    moved += batch.length;
    i += size;
  }
  return moved;
}
