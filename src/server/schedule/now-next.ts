import 'server-only';
import type { OccurrenceDto } from '@/types/schedule';
import { publish, subscribe } from '../redis';
import { processSingleton } from '../singleton';
import { namesOf, toOccurrenceDto } from './dto';
import { nextChange, nowAndNext } from './now-next-plan';
import { loadRules } from './store';

export type NowNextDto = { now: OccurrenceDto | null; next: OccurrenceDto | null };
type ChannelRef = { id: string; timeZone: string };
/** An answer read at `from`, true until `validUntil` (ms) for channels in `zone`. */
type Entry = { zone: string; value: NowNextDto; from: number; validUntil: number };

/**
 * A cached answer is read again at least this often: edits and renames are announced (below),
 * but a lost notice costs at most this long.
 */
const MAX_AGE_MS = 30_000;
/** Past this many cached channels, entries that ran out are dropped (channels deleted). */
const PRUNE_AT = 2_000;
const CHANGED_CHANNEL = 'schedule:changed';
/** The notice's payload for "every channel" (hosts changed): channel ids are cuids, never this. */
const EVERY_CHANNEL = '*';

type Cache = { entries: Map<string, Entry>; generation: number };

// Made on first use, so only a process that serves streams listens for edits.
const getCache = () =>
  processSingleton('schedule.now-next', (): Cache => {
    const c: Cache = { entries: new Map(), generation: 0 };
    // Other replicas' edits (a no-op without Redis: then every edit is this process's own).
    subscribe(CHANGED_CHANNEL, (channelId) => forgetLocally(c, channelId));
    return c;
  });

function forgetLocally(c: Cache, channelId: string): void {
  if (channelId === EVERY_CHANNEL) c.entries.clear();
  else c.entries.delete(channelId);
  // A read that began before the edit must not store what it read.
  c.generation += 1;
}

/** The channel's schedule changed (a slot written, moved, cancelled or deleted): every replica reads it again. */
export function scheduleChanged(channelId: string): void {
  forgetLocally(getCache(), channelId);
  publish(CHANGED_CHANNEL, channelId);
}

/** A DJ renamed or deleted: the cached answers name hosts, on any channel, so every replica reads them all again. */
export function hostsChanged(): void {
  scheduleChanged(EVERY_CHANNEL);
}

/**
 * What runs on the channel now and what starts next, as every live update stream shows them. Read
 * once and kept until an occurrence near `now` starts or ends, the schedule changes, or MAX_AGE_MS:
 * the streams ask for every followed channel every second, and the rules barely ever change.
 */
export async function scheduleNowNext(channel: ChannelRef, now = new Date()): Promise<NowNextDto> {
  const c = getCache();
  const hit = c.entries.get(channel.id);
  if (hit && hit.zone === channel.timeZone && hit.from <= now.getTime() && now.getTime() < hit.validUntil) return hit.value;
  const generation = c.generation;
  const plan = nowAndNext(await loadRules(channel.id), now);
  const names = await namesOf([plan.current, plan.next].flatMap((o) => o?.hostIds ?? []));
  const value = {
    now: plan.current && toOccurrenceDto(plan.current, names),
    next: plan.next && toOccurrenceDto(plan.next, names),
  };
  if (c.generation === generation) {
    const change = nextChange(plan, now)?.getTime() ?? Infinity;
    if (c.entries.size >= PRUNE_AT) prune(c, now.getTime());
    c.entries.set(channel.id, {
      zone: channel.timeZone,
      value,
      from: now.getTime(),
      validUntil: Math.min(change, now.getTime() + MAX_AGE_MS),
    });
  }
  return value;
}

function prune(c: Cache, now: number): void {
  for (const [id, e] of c.entries) if (e.validUntil <= now) c.entries.delete(id);
}
