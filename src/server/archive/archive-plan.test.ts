import { describe, expect, it } from 'vitest';
import {
  archiveRetryAt,
  awaitingArchive,
  finaliseNow,
  MAX_ARCHIVE_ATTEMPTS,
  moveOrder,
  purgeAt,
  purgeCutoffs,
  SETTLE_MAX_MS,
  SETTLE_MS,
  type SetState,
  UNARCHIVED_KEEP_MS,
  wantedPath,
} from './archive-plan';

const now = new Date('2026-12-04T20:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const DAY = 86_400_000;
const ended = (over: Partial<SetState> = {}): SetState => ({
  endedAt: ago(SETTLE_MS),
  archivedAt: null,
  archiveAttempts: 0,
  archiveNextAt: null,
  archiveError: null,
  purgedAt: null,
  deletedAt: null,
  ...over,
});

describe('finalising', () => {
  it('waits for the egress to settle and its playlist to close, or for the longest wait', () => {
    expect(finaliseNow(ended({ endedAt: ago(SETTLE_MS - 1) }), true, true, now)).toBe(false);
    expect(finaliseNow(ended(), true, true, now)).toBe(true);
    expect(finaliseNow(ended(), true, false, now)).toBe(false);
    expect(finaliseNow(ended({ endedAt: ago(SETTLE_MAX_MS) }), true, false, now)).toBe(true);
  });

  it('never for an open, archived, purged or deleted set, with the archive off, or past its tries', () => {
    expect(finaliseNow(ended({ endedAt: null }), true, true, now)).toBe(false);
    expect(finaliseNow(ended({ archivedAt: now }), true, true, now)).toBe(false);
    expect(finaliseNow(ended({ purgedAt: now }), true, true, now)).toBe(false);
    expect(finaliseNow(ended({ deletedAt: now }), true, true, now)).toBe(false);
    expect(finaliseNow(ended(), false, true, now)).toBe(false);
    expect(finaliseNow(ended({ archiveAttempts: MAX_ARCHIVE_ATTEMPTS }), true, true, now)).toBe(false);
  });

  it('honours a pending retry and backs off', () => {
    expect(finaliseNow(ended({ archiveNextAt: new Date(now.getTime() + 1) }), true, true, now)).toBe(false);
    expect(finaliseNow(ended({ archiveNextAt: now }), true, true, now)).toBe(true);
    const delays = [1, 2, 3, 9].map((n) => archiveRetryAt(n, now).getTime() - now.getTime());
    expect(delays).toEqual([60_000, 300_000, 1_800_000, 1_800_000]);
  });
});

describe('retention', () => {
  it('keeps an archived set for its channel days after it ended', () => {
    const s = ended({ endedAt: ago(DAY), archivedAt: now });
    expect(purgeAt(s, true, 30)?.getTime()).toBe(ago(DAY).getTime() + 30 * DAY);
    // The archive turned off later does not cut what is already archived.
    expect(purgeAt(s, false, 30)?.getTime()).toBe(ago(DAY).getTime() + 30 * DAY);
  });

  it('deletes the live HLS an hour after the set with the archive off', () => {
    expect(purgeAt(ended(), false, 30)?.getTime()).toBe(ended().endedAt!.getTime() + UNARCHIVED_KEEP_MS);
  });

  it('keeps a set that may still be archived, and one given up on as long as an archived one', () => {
    expect(purgeAt(ended(), true, 30)).toBeNull();
    const failed = ended({ archiveAttempts: MAX_ARCHIVE_ATTEMPTS, archiveError: 'ffmpeg exited 1' });
    expect(purgeAt(failed, true, 2)?.getTime()).toBe(failed.endedAt!.getTime() + 2 * DAY);
  });

  it('removes a deleted set at once, never an open or already purged one', () => {
    expect(purgeAt(ended({ deletedAt: now }), true, 30)).toEqual(now);
    expect(purgeAt(ended({ endedAt: null }), false, 1)).toBeNull();
    expect(purgeAt(ended({ purgedAt: now, deletedAt: now }), true, 1)).toBeNull();
  });

  it('never scans a set before the earliest time any rule could remove it', () => {
    const cut = purgeCutoffs(now);
    expect(now.getTime() - cut.unarchived.getTime()).toBe(UNARCHIVED_KEEP_MS);
    expect(now.getTime() - cut.archived.getTime()).toBe(DAY);
    // The shortest keep-for (1 day) and the archive-off hour are exactly those bounds.
    const archived = ended({ endedAt: cut.archived, archivedAt: now });
    expect(purgeAt(archived, true, 1)).toEqual(now);
    expect(purgeAt(ended({ endedAt: cut.unarchived }), false, 30)).toEqual(now);
  });

  it('counts a set awaiting its archive only while the archive is on', () => {
    expect(awaitingArchive(ended(), true)).toBe(true);
    expect(awaitingArchive(ended(), false)).toBe(false);
  });
});

describe('hiding', () => {
  it('wants the hidden folder while hidden, the public one otherwise', () => {
    expect(wantedPath({ hiddenAt: now, hiddenPath: 'hls/c/b-hx' }, 'hls/c/b')).toBe('hls/c/b-hx');
    expect(wantedPath({ hiddenAt: null, hiddenPath: 'hls/c/b-hx' }, 'hls/c/b')).toBe('hls/c/b');
    expect(wantedPath({ hiddenAt: now, hiddenPath: null }, 'hls/c/b')).toBe('hls/c/b');
  });

  it('moves the public entry points before the segments', () => {
    const order = moveOrder(['p/a1-seg_0.ts', 'p/a1.m3u8', 'p/set.m4a', 'p/a1-live.m3u8', 'p/set.m3u8']);
    expect(order.slice(0, 2).sort()).toEqual(['p/set.m3u8', 'p/set.m4a']);
    expect(order.at(-1)).toBe('p/a1-seg_0.ts');
  });
});
