// Pure parts of the archive search (unit tested): the date filter as instants in the channel's
// zone, the DJ filter on the stored hosts, and the set tempo (the median of its curve).
import { DateTime } from 'luxon';
import type { ArchiveQuery } from '@/types/archive';

/** `from` and `to` are whole days in `zone`, both inclusive. */
export function dayRange(q: Pick<ArchiveQuery, 'from' | 'to'>, zone: string): { gte?: Date; lt?: Date } {
  const start = (day: string) => DateTime.fromISO(day, { zone }).startOf('day');
  const out: { gte?: Date; lt?: Date } = {};
  if (q.from) out.gte = start(q.from).toJSDate();
  if (q.to) out.lt = start(q.to).plus({ days: 1 }).toJSDate();
  return out;
}

/** Tempo bounds in either order: "between 128 and 122" means 122-128. */
export function tempoRange(q: Pick<ArchiveQuery, 'minBpm' | 'maxBpm'>): { gte?: number; lte?: number } | null {
  if (q.minBpm === undefined && q.maxBpm === undefined) return null;
  const lo = q.minBpm !== undefined && q.maxBpm !== undefined ? Math.min(q.minBpm, q.maxBpm) : q.minBpm;
  const hi = q.minBpm !== undefined && q.maxBpm !== undefined ? Math.max(q.minBpm, q.maxBpm) : q.maxBpm;
  return { ...(lo !== undefined ? { gte: lo } : {}), ...(hi !== undefined ? { lte: hi } : {}) };
}

/** Whether a set's hosts include the DJ (by display name, case-insensitive). */
export function hostedBy(hosts: readonly string[], dj: string | undefined): boolean {
  if (!dj) return true;
  const want = dj.trim().toLocaleLowerCase();
  return hosts.some((h) => h.toLocaleLowerCase() === want);
}

/** Every DJ name of the listed sets once, sorted (the DJ filter's choices). */
export function djNames(sets: readonly { hosts: readonly string[] }[]): string[] {
  return [...new Set(sets.flatMap((s) => s.hosts))].sort((a, b) => a.localeCompare(b));
}

/** A set's tempo: the median BPM of the points with a beat, null without any. */
export function setTempo(bpms: readonly (number | null)[]): number | null {
  const sorted = bpms.filter((b): b is number => b !== null).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  const v = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(v * 10) / 10;
}

/** The `page`th (1-based) run of `size` items; a page past the end gives the last page, so a stale link still shows sets. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; page: number; pages: number; total: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const at = Math.min(Math.max(1, Math.floor(page)), pages);
  return { items: items.slice((at - 1) * size, at * size), page: at, pages, total: items.length };
}
