import { byStart, expandSlot, instantToLocal, localToInstant, movedOccurrences, type Occurrence, type SlotRule } from './recurrence';

const DAY_MS = 86_400_000;

/**
 * The first occurrence of any of `rules` to start after `after`, however far ahead (a monthly
 * show, a slot months away); null when none will. Pure, so the listener page's "Next", the
 * live stream and the DJ's 403 wording agree.
 */
export function nextOccurrence(rules: SlotRule[], after: Date): Occurrence | null {
  return rules.flatMap((rule) => nextOfRule(rule, after) ?? []).sort(byStart)[0] ?? null;
}

/** One rule's first occurrence starting after `after`: an original start not cancelled or moved away, or a moved one. */
function nextOfRule(rule: SlotRule, after: Date): Occurrence | null {
  const from = new Date(Math.max(after.getTime(), localToInstant(rule.startLocal, rule.timeZone).getTime()));
  // Each exception from here on can take out one original start, so that many periods plus one
  // (and a day of slack for DST) hold the next one left; the window stays short for a plain rule.
  const fromLocal = instantToLocal(new Date(from.getTime() - DAY_MS), rule.timeZone);
  const ahead = rule.exceptions.filter((e) => e.occurrence >= fromLocal).length;
  const periodMs = (rule.repeatWeeks ?? 1) * 7 * DAY_MS;
  const to = new Date(from.getTime() + (ahead + 1) * periodMs + DAY_MS);
  // A move can land anywhere (even before the rule's first start), so moves are checked on their own.
  const candidates = [...expandSlot(rule, from, to), ...movedOccurrences(rule)].filter((o) => o.start > after);
  return candidates.sort(byStart)[0] ?? null;
}
