import { nextOccurrence } from './next-occurrence';
import { expandAll, type Occurrence, type SlotRule } from './recurrence';

const DAY_MS = 86_400_000;

/** What runs at `now`, what starts next, and the occurrences near `now` they were found among. */
export type NowNext = { current: Occurrence | null; next: Occurrence | null; around: Occurrence[] };

/** Pure: the occurrence running at `now` and the first to start after it (however far ahead: a monthly show). */
export function nowAndNext(rules: SlotRule[], now: Date): NowNext {
  // A slot lasts at most a day, so one that runs now started within the day before.
  const around = expandAll(rules, new Date(now.getTime() - DAY_MS), new Date(now.getTime() + 8 * DAY_MS));
  const current = around.find((o) => o.start <= now && now < o.end) ?? null;
  // Beyond the coming week only when it holds nothing, so the common case stays one expansion.
  const next = around.find((o) => o.start > now) ?? nextOccurrence(rules, now);
  return { current, next, around };
}

/**
 * Pure: the first instant after `now` at which `plan` stops being true without any schedule edit
 * (an occurrence near `now` starts or ends), or null when none will. Until then a cached plan holds.
 */
export function nextChange(plan: NowNext, now: Date): Date | null {
  let first: number | null = null;
  for (const o of plan.next ? [...plan.around, plan.next] : plan.around) {
    for (const t of [o.start.getTime(), o.end.getTime()]) {
      if (t > now.getTime() && (first === null || t < first)) first = t;
    }
  }
  return first === null ? null : new Date(first);
}
