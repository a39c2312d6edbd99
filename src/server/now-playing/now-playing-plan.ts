// Pure decisions of now playing: who may set it, what a request writes, what listeners see, and
// how a set's peak listener count grows. No I/O: service.ts and task.ts act on them.
import type { NowPlaying, NowPlayingRequest, TrackDto } from '@/types/now-playing';

export type Editor = { id: string; role: 'admin' | 'dj' };

/**
 * The channel as now playing needs it: the account on air (null when nobody is, or a publisher
 * without an account) and whether a set (broadcast) is open to keep the tracks.
 */
export type OnAirFacts = { onAir: boolean; liveAccountId: string | null; setOpen: boolean };

export type Access = { ok: true } | { ok: false; reason: 'not_on_air' | 'no_set' };

/**
 * Only the DJ on air on the channel, or an admin, sets now playing: another DJ, even one listed on
 * the channel, is refused (not_on_air), and nobody can while no set is open (no_set).
 */
export function nowPlayingAccess(user: Editor, facts: OnAirFacts): Access {
  if (user.role !== 'admin' && (!facts.onAir || facts.liveAccountId !== user.id)) return { ok: false, reason: 'not_on_air' };
  if (!facts.onAir || !facts.setOpen) return { ok: false, reason: 'no_set' };
  return { ok: true };
}

/** What a request writes: the show title (undefined: unchanged, null: back to the slot's) and a track that starts now. */
export type NowPlayingWrite = { showTitle: string | null | undefined; track: { title: string; startedAt: Date } | null };

export function planWrite(req: NowPlayingRequest, now: Date): NowPlayingWrite {
  return {
    showTitle: req.show === undefined ? undefined : req.show || null,
    track: req.track ? { title: req.track, startedAt: now } : null,
  };
}

/** The open set as stored: the DJ's show title and its newest track. */
export type OpenSet = { showTitle: string | null; lastTrack: { title: string; startedAt: Date } | null };

export const toTrackDto = (t: { title: string; startedAt: Date }): TrackDto => ({ title: t.title, startedAt: t.startedAt.toISOString() });

/**
 * What the channel's stream carries: nothing off air; on air the DJ's show title, else the running
 * slot's title, and the current track.
 */
export function nowPlayingView(onAir: boolean, set: OpenSet | null, slotTitle: string | null): NowPlaying | null {
  if (!onAir) return null;
  const show = set?.showTitle?.trim() || slotTitle?.trim() || null;
  return { show, track: set?.lastTrack ? toTrackDto(set.lastTrack) : null };
}

/** Open sets whose stored peak the current listener counts exceed, with their new peak. */
export function peakRaises(
  open: readonly { id: string; channelId: string; peakListeners: number }[],
  listeners: ReadonlyMap<string, number>,
): { id: string; peak: number }[] {
  return open.flatMap((b) => {
    const now = listeners.get(b.channelId) ?? 0;
    return now > b.peakListeners ? [{ id: b.id, peak: now }] : [];
  });
}
