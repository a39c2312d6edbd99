// Pure decisions of the archive task (unit tested): when an ended set is finalised, when its
// objects go (retention), and where they should be (public or hidden).
import { HLS_RETENTION_DAYS_MIN } from '@/types/channel';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Egress uploads its last segment and closes its playlist a few seconds after it is stopped. */
export const SETTLE_MS = 10_000;
/** Past this, a playlist that never got #EXT-X-ENDLIST (a killed egress) is stitched as stored. */
export const SETTLE_MAX_MS = 60_000;
/** With the archive off (or nothing to archive), the live HLS stays this long after the set. */
export const UNARCHIVED_KEEP_MS = HOUR_MS;
/** Finalising gives up after this many failed tries (the set then follows plain retention). */
export const MAX_ARCHIVE_ATTEMPTS = 4;
const RETRY_MS = [60_000, 5 * 60_000, 30 * 60_000];

export type SetState = {
  endedAt: Date | null;
  archivedAt: Date | null;
  archiveAttempts: number;
  archiveNextAt: Date | null;
  archiveError: string | null;
  purgedAt: Date | null;
  deletedAt: Date | null;
};

/** The columns of a set's row that make a `SetState` (a Prisma select). */
export const SET_STATE_FIELDS = {
  endedAt: true,
  archivedAt: true,
  archiveAttempts: true,
  archiveNextAt: true,
  archiveError: true,
  purgedAt: true,
  deletedAt: true,
} as const;

/** Whether an ended set still waits to be finalised (archive on, not done, not given up). */
export function awaitingArchive(s: SetState, archiveEnabled: boolean): boolean {
  return archiveEnabled && s.endedAt !== null && !s.archivedAt && !s.purgedAt && !s.deletedAt && s.archiveAttempts < MAX_ARCHIVE_ATTEMPTS;
}

/**
 * Whether to finalise now: egress has had time to settle, its last playlist is closed (or the
 * wait is over), and no retry is pending.
 */
export function finaliseNow(s: SetState, archiveEnabled: boolean, lastPlaylistClosed: boolean, now: Date): boolean {
  if (!awaitingArchive(s, archiveEnabled) || !s.endedAt) return false;
  if (s.archiveNextAt && s.archiveNextAt > now) return false;
  const since = now.getTime() - s.endedAt.getTime();
  return since >= SETTLE_MS && (lastPlaylistClosed || since >= SETTLE_MAX_MS);
}

/** When a failed finalisation is tried again (after `attempts` failures). */
export function archiveRetryAt(attempts: number, now: Date): Date {
  const i = Math.min(Math.max(attempts, 1), RETRY_MS.length) - 1;
  return new Date(now.getTime() + (RETRY_MS[i] ?? HOUR_MS));
}

/**
 * When a set's objects are removed: at once when deleted; an archived set after its channel's
 * keep-for days; a set that will not be archived an hour after it ended; never while it may
 * still be archived or before it ends.
 */
export function purgeAt(s: SetState, archiveEnabled: boolean, keepDays: number): Date | null {
  if (s.purgedAt) return null;
  if (s.deletedAt) return s.deletedAt;
  if (!s.endedAt) return null;
  if (s.archivedAt) return new Date(s.endedAt.getTime() + keepDays * DAY_MS);
  if (awaitingArchive(s, archiveEnabled)) return null;
  // Given up after failures: kept as long as an archived set, so an operator can look.
  if (archiveEnabled && s.archiveError) return new Date(s.endedAt.getTime() + keepDays * DAY_MS);
  return new Date(s.endedAt.getTime() + UNARCHIVED_KEEP_MS);
}

/**
 * Bounds of the retention query: no set that is not archived goes before it is an hour old, and
 * no archived one before the shortest keep-for, so recent archived sets are never scanned.
 */
export function purgeCutoffs(now: Date): { unarchived: Date; archived: Date } {
  return {
    unarchived: new Date(now.getTime() - UNARCHIVED_KEEP_MS),
    archived: new Date(now.getTime() - HLS_RETENTION_DAYS_MIN * DAY_MS),
  };
}

/** Where a set's objects belong: its hidden folder while hidden, else its public one. */
export function wantedPath(s: { hiddenAt: Date | null; hiddenPath: string | null }, publicPath: string): string {
  return s.hiddenAt && s.hiddenPath ? s.hiddenPath : publicPath;
}

/**
 * The order objects are moved in: the playlist and download first, so an old public link stops
 * working before the (many) segments follow.
 */
export function moveOrder(keys: string[]): string[] {
  const rank = (k: string) => (k.endsWith('/set.m3u8') || k.endsWith('/set.m4a') ? 0 : k.endsWith('.m3u8') ? 1 : 2);
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
