import type { AutoDjOrder } from '@/types/channel';

/** How a channel's replay is doing: `missing` when no session of this process plays it (a restart, a new lease holder). */
export type ReplayStatus = 'playing' | 'ended' | 'missing';

/** One channel as the autodj task sees it on a pass. */
export type AutoDjState = {
  enabled: boolean;
  order: AutoDjOrder;
  /** LiveKit confirmed the live state: with it unknown, AutoDJ changes nothing. */
  liveKnown: boolean;
  /** A DJ (browser or OBS) is on air: AutoDJ never plays then. */
  djOnAir: boolean;
  /** The replay the channel row says is running, and how this process's session of it is doing. */
  replay: { sessionId: string; setId: string | null; status: ReplayStatus } | null;
  /** The channel's replayable sets (archived, public, picked when AutoDJ plays picked sets only), newest first. */
  sets: string[];
  /** The set AutoDJ started last (kept after it stops, so the rotation goes on). */
  lastSetId: string | null;
  /** Where a DJ cut `lastSetId`'s replay (seconds into its recording), or null. */
  cutAt: number | null;
};

export type AutoDjStep =
  | { type: 'none' }
  /** Stop the replay (takeover, AutoDJ off, set gone) and clear the row; `keepPlace`: remember where it was cut. */
  | { type: 'stop'; sessionId: string; reason: string; keepPlace: boolean }
  /** Start a replay of `setId` at `fromSeconds`, after stopping `replace` (a finished or vanished replay) when given. */
  | { type: 'start'; setId: string; fromSeconds: number; replace: string | null };

const NONE: AutoDjStep = { type: 'none' };

/**
 * What AutoDJ does on a channel now: play while it is on, nobody is on air and there is a set;
 * stop the moment a DJ is on air (takeover, keeping the place) or it is turned off; when the DJ
 * leaves, go on where the DJ cut in; start the next set when one ends.
 */
export function planAutoDj(s: AutoDjState, random: () => number = Math.random): AutoDjStep {
  if (!s.liveKnown) return NONE;
  const wanted = s.enabled && !s.djOnAir && s.sets.length > 0;
  const { replay } = s;
  if (replay) {
    const stop = (reason: string, keepPlace = false): AutoDjStep => ({ type: 'stop', sessionId: replay.sessionId, reason, keepPlace });
    if (s.djOnAir) return stop('a DJ is on air', true);
    if (!s.enabled) return stop('AutoDJ is off');
    if (replay.setId !== null && !s.sets.includes(replay.setId)) return stop('its set is no longer public or picked');
    if (replay.status === 'playing') return NONE;
    // Ended (the recording played out, or failed) or not playing here (a restart): on to the next set.
    if (!wanted) return stop('no set to play');
    return { type: 'start', setId: nextSet(s.sets, s.lastSetId, s.order, random), fromSeconds: 0, replace: replay.sessionId };
  }
  if (!wanted) return NONE;
  // The DJ who cut in has left: the set they cut goes on from there, while it is still public.
  if (s.cutAt !== null && s.lastSetId !== null && s.sets.includes(s.lastSetId)) {
    return { type: 'start', setId: s.lastSetId, fromSeconds: s.cutAt, replace: null };
  }
  return { type: 'start', setId: nextSet(s.sets, s.lastSetId, s.order, random), fromSeconds: 0, replace: null };
}

/**
 * The set after `last`: "newest" walks the sets newest first and starts over at the end;
 * "shuffle" picks any other set at random (the same one only when there is just one).
 */
export function nextSet(sets: string[], last: string | null, order: AutoDjOrder, random: () => number = Math.random): string {
  if (sets.length === 0) throw new Error('nextSet needs at least one set');
  if (order === 'shuffle') {
    const others = sets.length > 1 ? sets.filter((id) => id !== last) : sets;
    return others[Math.min(others.length - 1, Math.floor(random() * others.length))] as string;
  }
  const at = last === null ? -1 : sets.indexOf(last);
  return sets[(at + 1) % sets.length] as string;
}
