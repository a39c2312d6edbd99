import 'server-only';
import { getDb } from '../db';
import { getEnv } from '../env';
import { type LoopTask, TASKS } from '../loop';
import { type StorageConfig, storageConfig } from '../storage';
import { finaliseSets, purgeSets, relocateSets } from './pass';
import { purgeReplayHls } from './replay-retention';

// Retention scans every stored set, so it runs at the reconcile interval (at most a minute), not on every pass.
let lastPurge = 0;

/**
 * The archive as a task of the one background loop: hidden sets moved out of public reach (and
 * back), then retention and deletions (replays' HLS too), then one ended set finalised (VOD playlist and .m4a).
 * Every step reads its state from the database, so a pass after a restart picks up where it was.
 */
export function archiveTask(): LoopTask {
  return {
    name: TASKS.archive,
    maxIntervalMs: 30_000,
    retryMs: 10_000,
    run: async (now) => {
      const conf = storageConfig();
      if (!conf) return null;
      const moved = await relocateSets(conf);
      const deletions = await purgeDue(conf, now);
      const next = await finaliseSets(conf, now);
      return moved || deletions ? new Date(now.getTime() + 1_000) : next;
    },
  };
}

async function purgeDue(conf: StorageConfig, now: Date): Promise<number> {
  const every = Math.min(60_000, getEnv().RECONCILE_INTERVAL_SECONDS * 1000);
  if (now.getTime() - lastPurge < every && !(await pendingDeletes())) return 0;
  lastPurge = now.getTime();
  return (await purgeSets(conf, now)) + (await purgeReplayHls(conf, now));
}

async function pendingDeletes(): Promise<boolean> {
  return (await getDb().broadcast.count({ where: { deletedAt: { not: null } } })) > 0;
}
