import { describe, expect, it } from 'vitest';
import { slotRule } from './rule.test-support';
import { nextOccurrence } from './next-occurrence';
import type { SlotRule } from './recurrence';

const rule = slotRule;
const next = (rules: SlotRule[], after: string) => nextOccurrence(rules, new Date(after))?.start.toISOString() ?? null;

describe('nextOccurrence', () => {
  it('finds a one-off slot weeks or months ahead, past the coming week', () => {
    expect(next([rule({ startLocal: '2027-03-10T20:00:00' })], '2026-12-03T12:00:00Z')).toBe('2027-03-10T19:00:00.000Z');
  });

  it('skips the occurrence running now and one already started', () => {
    const weekly = rule({ repeatWeeks: 1 });
    // 2026-11-02 22:00 Berlin is 21:00Z; at 21:30Z it runs, so the next is a week later.
    expect(next([weekly], '2026-11-02T21:30:00Z')).toBe('2026-11-09T21:00:00.000Z');
    expect(next([rule({})], '2026-11-02T21:30:00Z')).toBeNull();
  });

  it('walks past cancelled occurrences however many there are', () => {
    const days = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07'];
    const exceptions = days.map((day) => ({ occurrence: `${day}T22:00:00`, kind: 'cancel' as const }));
    // 2026-11-02 ... 2026-12-07 are cancelled; the next left is 2026-12-14.
    expect(next([rule({ repeatWeeks: 1, exceptions })], '2026-11-01T00:00:00Z')).toBe('2026-12-14T21:00:00.000Z');
  });

  it('takes a moved occurrence, wherever it landed', () => {
    const moved = rule({
      repeatWeeks: 4,
      exceptions: [{ occurrence: '2026-11-30T22:00:00', kind: 'move', movedStartLocal: '2026-11-20T18:00:00', movedDurationSeconds: null }],
    });
    expect(next([moved], '2026-11-03T00:00:00Z')).toBe('2026-11-20T17:00:00.000Z');
    // After the moved one, the rule continues four weeks after the original it replaced.
    expect(next([moved], '2026-11-21T00:00:00Z')).toBe('2026-12-28T21:00:00.000Z');
  });

  it('ends with the rule: nothing after repeatUntil', () => {
    expect(next([rule({ repeatWeeks: 1, repeatUntil: '2026-11-10' })], '2026-11-09T22:00:00Z')).toBeNull();
  });

  it('finds the first occurrence of a rule that starts in the future', () => {
    expect(next([rule({ startLocal: '2027-06-01T08:00:00', repeatWeeks: 2 })], '2026-11-01T00:00:00Z')).toBe('2027-06-01T06:00:00.000Z');
  });

  it('keeps local wall-clock time across a DST change', () => {
    // Weekly 22:00 Berlin from October (CEST) asked after the change: 22:00 CET is 21:00Z.
    expect(next([rule({ startLocal: '2026-10-17T22:00:00', repeatWeeks: 1 })], '2026-10-30T00:00:00Z')).toBe('2026-10-31T21:00:00.000Z');
  });

  it('takes the earliest over several rules, and null without rules', () => {
    const a = rule({ id: 'a', startLocal: '2027-01-05T10:00:00' });
    const b = rule({ id: 'b', startLocal: '2026-12-24T10:00:00', repeatWeeks: 52 });
    expect(next([a, b], '2026-12-25T00:00:00Z')).toBe('2027-01-05T09:00:00.000Z');
    expect(next([a, b], '2026-12-01T00:00:00Z')).toBe('2026-12-24T09:00:00.000Z');
    expect(next([], '2026-12-01T00:00:00Z')).toBeNull();
  });
});
