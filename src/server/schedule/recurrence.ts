import { DateTime } from 'luxon';

/** A slot rule as stored: local wall-clock start in its zone, a real duration. */
export type SlotRule = {
  id: string;
  title: string;
  startLocal: string;
  timeZone: string;
  durationSeconds: number;
  repeatWeeks: number | null;
  repeatUntil: string | null;
  hostIds: string[];
  exceptions: SlotExceptionRule[];
};

export type SlotExceptionRule =
  | { occurrence: string; kind: 'cancel' }
  | { occurrence: string; kind: 'move'; movedStartLocal: string; movedDurationSeconds: number | null };

export type Occurrence = {
  slotId: string;
  /** Original local start of this occurrence ("YYYY-MM-DDTHH:mm:ss"): stable across moves. */
  occurrence: string;
  title: string;
  start: Date;
  end: Date;
  hostIds: string[];
  recurring: boolean;
  moved: boolean;
};

const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

/**
 * The instant a local wall-clock time names in a zone. Luxon resolves the edge cases:
 * a time skipped by a spring-forward gap moves forward by the gap (02:30 becomes 03:30),
 * and a time that happens twice at fall-back takes the first (earlier) instant.
 */
export function localToInstant(local: string, zone: string): Date {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`invalid local time ${local} in ${zone}: ${dt.invalidExplanation ?? ''}`);
  // Luxon's own pick for a repeated hour varies by zone; take the earlier one explicitly.
  const candidates = dt.getPossibleOffsets();
  return (candidates.length > 1 ? candidates[0]! : dt).toJSDate();
}

/** The local wall-clock time of an instant in a zone, "YYYY-MM-DDTHH:mm:ss". */
export function instantToLocal(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat(LOCAL_FORMAT);
}

/** The k-th weekly step of a local time, in local (naive) calendar terms: DST never shifts it. */
function addLocalWeeks(local: string, weeks: number): string {
  return DateTime.fromISO(local, { zone: 'UTC' }).plus({ weeks }).toFormat(LOCAL_FORMAT);
}

function occurrenceAt(rule: SlotRule, key: string, startLocal: string, durationSeconds: number, moved: boolean): Occurrence {
  const start = localToInstant(startLocal, rule.timeZone);
  return {
    slotId: rule.id,
    occurrence: key,
    title: rule.title,
    start,
    end: new Date(start.getTime() + durationSeconds * 1000),
    hostIds: rule.hostIds,
    recurring: rule.repeatWeeks !== null,
    moved,
  };
}

const overlapsRange = (o: Occurrence, from: Date, to: Date) => o.end > from && o.start < to;

/** Original local starts of a rule's occurrences (before exceptions) that may touch [from, to). */
function* originalKeys(rule: SlotRule, from: Date, to: Date): Generator<string> {
  if (rule.repeatWeeks === null) {
    yield rule.startLocal;
    return;
  }
  const periodMs = rule.repeatWeeks * 7 * 86_400_000;
  const first = localToInstant(rule.startLocal, rule.timeZone).getTime();
  // Jump close to `from` (a day of slack covers any DST offset), then walk forward.
  const skip = Math.max(0, Math.floor((from.getTime() - rule.durationSeconds * 1000 - first - 86_400_000) / periodMs));
  for (let k = skip; ; k++) {
    const key = addLocalWeeks(rule.startLocal, k * rule.repeatWeeks);
    if (rule.repeatUntil !== null && key.slice(0, 10) > rule.repeatUntil) return;
    if (localToInstant(key, rule.timeZone) >= to) return;
    yield key;
  }
}

/** Occurrences of one slot rule that overlap [from, to), exceptions applied, sorted by start. */
export function expandSlot(rule: SlotRule, from: Date, to: Date): Occurrence[] {
  const exceptions = new Map(rule.exceptions.map((e) => [e.occurrence, e]));
  const out: Occurrence[] = [];
  for (const key of originalKeys(rule, from, to)) {
    if (exceptions.has(key)) continue;
    const o = occurrenceAt(rule, key, key, rule.durationSeconds, false);
    if (overlapsRange(o, from, to)) out.push(o);
  }
  // A moved occurrence can land anywhere, so moves are checked on their own.
  for (const o of movedOccurrences(rule)) if (overlapsRange(o, from, to)) out.push(o);
  return out.sort(byStart);
}

/** The rule's moved occurrences, wherever they landed. */
export function movedOccurrences(rule: SlotRule): Occurrence[] {
  return rule.exceptions.flatMap((e) =>
    e.kind === 'move' && isOriginalOccurrence(rule, e.occurrence)
      ? [occurrenceAt(rule, e.occurrence, e.movedStartLocal, e.movedDurationSeconds ?? rule.durationSeconds, true)]
      : [],
  );
}

/** Whether `key` is one of the rule's own occurrence starts (so exceptions name real occurrences). */
export function isOriginalOccurrence(rule: SlotRule, key: string): boolean {
  if (rule.repeatWeeks === null) return key === rule.startLocal;
  if (key < rule.startLocal) return false;
  if (rule.repeatUntil !== null && key.slice(0, 10) > rule.repeatUntil) return false;
  const base = DateTime.fromISO(rule.startLocal, { zone: 'UTC' });
  const candidate = DateTime.fromISO(key, { zone: 'UTC' });
  if (!candidate.isValid) return false;
  const days = candidate.diff(base, 'days').days;
  return Number.isInteger(days) && days % (7 * rule.repeatWeeks) === 0;
}

export const byStart = (a: Occurrence, b: Occurrence) => a.start.getTime() - b.start.getTime() || a.slotId.localeCompare(b.slotId);

/** Every occurrence of several rules in [from, to), sorted by start. */
export function expandAll(rules: SlotRule[], from: Date, to: Date): Occurrence[] {
  return rules.flatMap((r) => expandSlot(r, from, to)).sort(byStart);
}
