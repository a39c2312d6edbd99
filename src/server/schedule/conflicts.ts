import { DateTime } from 'luxon';
import { expandAll, expandSlot, localToInstant, movedOccurrences, type Occurrence, type SlotRule } from './recurrence';

/** How far ahead open-ended weekly slots are compared (repeats are at most 4-weekly, so patterns recur well within it). */
export const CONFLICT_HORIZON_MS = 400 * 86_400_000;

export type Conflict = { existing: Occurrence; candidate: Occurrence };

/** Half-open intervals: back-to-back (one ends exactly when the next starts) is no overlap. */
export const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => a.start < b.end && b.start < a.end;

/**
 * The first overlap between `candidate` (a new or edited rule) and the channel's other
 * rules, or between two occurrences of the candidate itself, from `now` on.
 */
export function findConflict(candidate: SlotRule, others: SlotRule[], now: Date): Conflict | null {
  const first = localToInstant(candidate.startLocal, candidate.timeZone);
  const from = first > now ? first : now;
  const to = new Date(from.getTime() + CONFLICT_HORIZON_MS);
  // Weekly patterns repeat within the horizon; single occurrences beyond it are checked one by one.
  for (const single of singlesBeyond(others, candidate.id, to)) {
    const hit = expandSlot(candidate, single.start, single.end).find((o) => overlaps(o, single));
    if (hit) return { existing: single, candidate: hit };
  }
  const mine = expandSlot(candidate, from, to);
  if (mine.length === 0) return null;
  const theirs = expandAll(
    others.filter((r) => r.id !== candidate.id),
    mine[0]!.start,
    mine.at(-1)!.end,
  );
  let j = 0;
  for (const occ of mine) {
    while (j < theirs.length && theirs[j]!.end <= occ.start) j++;
    for (let k = j; k < theirs.length && theirs[k]!.start < occ.end; k++) {
      if (overlaps(occ, theirs[k]!)) return { existing: theirs[k]!, candidate: occ };
    }
  }
  for (let i = 1; i < mine.length; i++) {
    for (let k = i - 1; k >= 0; k--) {
      if (overlaps(mine[k]!, mine[i]!)) return { existing: mine[k]!, candidate: mine[i]! };
      if (mine[k]!.end <= mine[i]!.start && !mine[k]!.moved) break;
    }
  }
  return null;
}

/** "Sun 22 Nov 2026, 22:00–23:00 (Europe/Berlin)". */
export function describeTime(start: Date, end: Date, zone: string): string {
  const s = DateTime.fromJSDate(start, { zone });
  const e = DateTime.fromJSDate(end, { zone });
  const sameDay = s.hasSame(e, 'day');
  const time = (d: DateTime) => (d.second ? d.toFormat('HH:mm:ss') : d.toFormat('HH:mm'));
  return `${s.toFormat('ccc d LLL yyyy')}, ${time(s)}–${sameDay ? time(e) : `${e.toFormat('ccc d LLL')} ${time(e)}`} (${zone})`;
}

export function conflictMessage(conflict: Conflict, zone: string): string {
  const { existing } = conflict;
  const name = existing.title ? `“${existing.title}”` : 'another slot';
  return `This overlaps ${name} on ${describeTime(existing.start, existing.end, zone)}. Back-to-back slots are fine; overlapping ones are not.`;
}

/** One-off slots and moved occurrences of the other rules that start after `after`. */
function singlesBeyond(others: SlotRule[], candidateId: string, after: Date): Occurrence[] {
  return others
    .filter((r) => r.id !== candidateId)
    .flatMap((r) => (r.repeatWeeks === null ? expandSlot(r, after, new Date(8.64e15)) : movedOccurrences(r)))
    .filter((o) => o.end > after);
}
