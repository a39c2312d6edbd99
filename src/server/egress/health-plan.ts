// Pure verdict on one on-air channel's live playlist for /api/health (unit tested).
// Health alarms earlier than supervision acts (STALE_PLAYLIST_MS): a monitor should
// see a stuck stream while listeners stall, not only once the supervisor gave up on it.

/** The first segment takes ~8 s after the egress starts (Chromium start, one 2 s segment). */
export const HEALTH_GRACE_MS = 20_000;
/** Five 2 s segments without a rewrite: listeners have run out of buffer by then. */
export const HEALTH_STALE_MS = 10_000;

export type PlaylistState = 'fresh' | 'starting' | 'stale' | 'missing' | 'unreachable';

export type PlaylistHealthInput = {
  now: Date;
  /** Latest of go-live, broadcast start and the current egress attempt's start. */
  since: Date;
  /** Last write of the current attempt's live playlist: null when absent, undefined when storage did not answer. */
  modifiedAt: Date | null | undefined;
};

export type PlaylistHealth = { state: PlaylistState; ageSeconds: number | null };

export function playlistHealth({ now, since, modifiedAt }: PlaylistHealthInput): PlaylistHealth {
  if (modifiedAt === undefined) return { state: 'unreachable', ageSeconds: null };
  const ageMs = modifiedAt ? Math.max(0, now.getTime() - modifiedAt.getTime()) : null;
  const ageSeconds = ageMs === null ? null : Math.round(ageMs / 1000);
  if (ageMs !== null && ageMs <= HEALTH_STALE_MS) return { state: 'fresh', ageSeconds };
  // Written before the current attempt started (or not at all): a new egress is on its way.
  if (now.getTime() - since.getTime() < HEALTH_GRACE_MS) return { state: 'starting', ageSeconds };
  return { state: ageMs === null ? 'missing' : 'stale', ageSeconds };
}

/** Whether a state means listeners are not getting the stream. */
export const playlistFailing = (state: PlaylistState) => state === 'stale' || state === 'missing' || state === 'unreachable';

/** The reason a health check gives for a failing channel, without paths or URLs. */
export function playlistReason(slug: string, h: PlaylistHealth): string | null {
  switch (h.state) {
    case 'missing':
      return `channel "${slug}" is on air but its live playlist does not exist`;
    case 'stale':
      return `channel "${slug}" is on air but its live playlist was last written ${h.ageSeconds} s ago`;
    case 'unreachable':
      return `channel "${slug}" is on air but storage did not answer for its live playlist`;
    default:
      return null;
  }
}
