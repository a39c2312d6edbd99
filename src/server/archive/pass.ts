import 'server-only';
import { getDb } from '../db';
import { getEnv } from '../env';
import { scheduleFor } from '../schedule';
import { broadcastPath, deleteFolder, type StorageConfig } from '../storage';
import {
  archiveRetryAt,
  awaitingArchive,
  finaliseNow,
  MAX_ARCHIVE_ATTEMPTS,
  purgeAt,
  purgeCutoffs,
  SET_STATE_FIELDS,
  SETTLE_MAX_MS,
  SETTLE_MS,
  wantedPath,
} from './archive-plan';
import { finaliseSet, lastPlaylistClosed } from './finalise';
import { moveFolder } from './move';
import { setTempo } from './search-plan';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/** Hidden sets go to their hidden folder, shown-again ones come back. Returns how many moved. */
export async function relocateSets(conf: StorageConfig): Promise<number> {
  const rows = await getDb().broadcast.findMany({
    where: { hiddenPath: { not: null }, endedAt: { not: null }, purgedAt: null, deletedAt: null },
    select: { id: true, channelId: true, storagePath: true, hiddenAt: true, hiddenPath: true },
  });
  let moved = 0;
  for (const r of rows) {
    const publicPath = broadcastPath(conf.prefix, r.channelId, r.id);
    const want = wantedPath(r, publicPath);
    if (want === r.storagePath) continue;
    const n = await moveFolder(conf, r.storagePath, want);
    // Shown again and back in place: the hidden name is forgotten (a new hide picks a new one).
    const data = want === publicPath ? { storagePath: want, hiddenPath: null } : { storagePath: want };
    await getDb().broadcast.update({ where: { id: r.id }, data });
    console.info(`[archive] moved ${n} object(s) of set ${r.id} to its ${want === publicPath ? 'public' : 'hidden'} folder`);
    moved += 1;
  }
  return moved;
}

/** Deleted sets and sets past their retention leave storage; deleted rows then go too. */
export async function purgeSets(conf: StorageConfig, now: Date): Promise<number> {
  const cutoff = purgeCutoffs(now);
  const rows = await getDb().broadcast.findMany({
    where: {
      purgedAt: null,
      OR: [{ deletedAt: { not: null } }, { archivedAt: null, endedAt: { lte: cutoff.unarchived } }, { endedAt: { lte: cutoff.archived } }],
    },
    select: {
      id: true,
      storagePath: true,
      hiddenPath: true,
      ...SET_STATE_FIELDS,
      channel: { select: { archiveEnabled: true, hlsRetentionDays: true } },
    },
  });
  const defaultDays = getEnv().HLS_RETENTION_DAYS;
  let purged = 0;
  for (const r of rows) {
    const at = purgeAt(r, r.channel.archiveEnabled, r.channel.hlsRetentionDays ?? defaultDays);
    if (!at || at > now) continue;
    const n = await deleteFolder(conf, r.storagePath);
    if (r.hiddenPath && r.hiddenPath !== r.storagePath) await deleteFolder(conf, r.hiddenPath);
    if (r.deletedAt) await getDb().broadcast.delete({ where: { id: r.id } });
    else await getDb().broadcast.update({ where: { id: r.id }, data: { purgedAt: now } });
    console.info(`[archive] removed ${n} object(s) of set ${r.id}${r.deletedAt ? ' (deleted)' : ''}`);
    purged += 1;
  }
  return purged;
}

type Candidate = Awaited<ReturnType<typeof candidates>>[number];

function candidates(now: Date) {
  return getDb().broadcast.findMany({
    where: {
      archivedAt: null,
      purgedAt: null,
      deletedAt: null,
      archiveAttempts: { lt: MAX_ARCHIVE_ATTEMPTS },
      endedAt: { not: null, lte: new Date(now.getTime() - SETTLE_MS) },
      channel: { archiveEnabled: true },
      OR: [{ archiveNextAt: null }, { archiveNextAt: { lte: now } }],
    },
    orderBy: { endedAt: 'desc' },
    take: 20,
    select: {
      id: true,
      storagePath: true,
      attempt: true,
      startedAt: true,
      showTitle: true,
      ...SET_STATE_FIELDS,
      channel: { select: { id: true, slug: true, name: true, timeZone: true } },
    },
  });
}

/** The title of the slot the set started in, if any. */
async function slotTitle(c: Candidate): Promise<string | null> {
  const at = new Date(c.startedAt.getTime() + 1_000);
  const schedule = await scheduleFor(c.channel, c.startedAt, new Date(at.getTime() + 60_000), at);
  return schedule.now?.title || null;
}

async function finaliseOne(conf: StorageConfig, c: Candidate, now: Date): Promise<void> {
  try {
    const day = c.startedAt.toISOString().slice(0, 10);
    const done = await finaliseSet(conf, c.storagePath, `${c.channel.slug}-${day}-${c.id.slice(0, 8)}.m4a`);
    const points = await getDb().tempoPoint.findMany({ where: { broadcastId: c.id }, select: { bpm: true } });
    const title = c.showTitle ?? (await slotTitle(c));
    await getDb().broadcast.update({
      where: { id: c.id },
      data: done
        ? {
            archivedAt: now,
            archiveSeconds: done.seconds,
            archiveBytes: done.bytes,
            archiveTimeline: JSON.stringify(done.timeline),
            tempoMedian: setTempo(points.map((p) => p.bpm)),
            // The slot's title, kept with the set now it is over (a later schedule change does not rename it).
            showTitle: title,
            archiveError: null,
            archiveNextAt: null,
          }
        : { archiveError: 'nothing was recorded', archiveAttempts: MAX_ARCHIVE_ATTEMPTS, archiveNextAt: null },
    });
    console.info(`[archive] set ${c.id}: ${done ? `${done.seconds} s, ${done.bytes} bytes` : 'nothing recorded'}`);
  } catch (err) {
    const attempts = c.archiveAttempts + 1;
    console.warn(`[archive] could not finalise set ${c.id} (try ${attempts}): ${errorText(err)}`);
    await getDb().broadcast.update({
      where: { id: c.id },
      data: { archiveAttempts: attempts, archiveError: errorText(err), archiveNextAt: archiveRetryAt(attempts, now) },
    });
  }
}

/**
 * Finalises at most one ended set per call (newest first). Returns when to look again: soon
 * while sets wait for their egress to settle or more are due, else null.
 */
export async function finaliseSets(conf: StorageConfig, now: Date): Promise<Date | null> {
  const soon = new Date(now.getTime() + 2_000);
  for (const c of await candidates(now)) {
    if (!awaitingArchive(c, true)) continue;
    const closed = await lastPlaylistClosed(conf, c.storagePath, c.attempt);
    if (!finaliseNow(c, true, closed, now)) continue;
    await finaliseOne(conf, c, now);
    return soon;
  }
  // Sets that ended less than SETTLE_MS ago, or whose playlist is not closed yet.
  const waiting = await getDb().broadcast.count({
    where: { archivedAt: null, purgedAt: null, deletedAt: null, endedAt: { gt: new Date(now.getTime() - SETTLE_MAX_MS) } },
  });
  return waiting ? soon : null;
}
