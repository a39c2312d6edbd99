import { describe, expect, it } from 'vitest';
import { slotRule } from './rule.test-support';
import { nextChange, nowAndNext } from './now-next-plan';
import type { SlotRule } from './recurrence';

const rule = slotRule;
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const at = (rules: SlotRule[], now: string) => {
  const plan = nowAndNext(rules, new Date(now));
  return { now: iso(plan.current?.start), next: iso(plan.next?.start), change: iso(nextChange(plan, new Date(now))) };
};

describe('nowAndNext and nextChange', () => {
  // 22:00 Berlin = 21:00Z in November; the show lasts an hour.
  const weekly = rule({ repeatWeeks: 1 });
  const late = rule({ id: 's2', startLocal: '2026-11-03T23:00:00' });

  it('holds until the next occurrence starts when nothing runs', () => {
    expect(at([weekly, late], '2026-11-02T12:00:00Z')).toEqual({
      now: null,
      next: '2026-11-02T21:00:00.000Z',
      change: '2026-11-02T21:00:00.000Z',
    });
  });

  it('holds until the running occurrence ends, when that comes before the next start', () => {
    expect(at([weekly, late], '2026-11-02T21:30:00Z')).toEqual({
      now: '2026-11-02T21:00:00.000Z',
      next: '2026-11-03T22:00:00.000Z',
      change: '2026-11-02T22:00:00.000Z',
    });
  });

  it('changes at a start exactly, never at an instant already past', () => {
    // At the very start the show runs; its end is the next change.
    expect(at([weekly], '2026-11-02T21:00:00Z').change).toBe('2026-11-02T22:00:00.000Z');
    // At its end it no longer runs; the next week's start is the change.
    expect(at([weekly], '2026-11-02T22:00:00Z')).toEqual({
      now: null,
      next: '2026-11-09T21:00:00.000Z',
      change: '2026-11-09T21:00:00.000Z',
    });
  });

  it('finds a next start months ahead, and no change at all for an empty schedule', () => {
    const far = rule({ startLocal: '2027-03-10T20:00:00' });
    expect(at([far], '2026-12-03T12:00:00Z')).toEqual({ now: null, next: '2027-03-10T19:00:00.000Z', change: '2027-03-10T19:00:00.000Z' });
    expect(at([], '2026-12-03T12:00:00Z')).toEqual({ now: null, next: null, change: null });
  });

  it('sees a moved occurrence: it runs at its new time and changes at its new end', () => {
    const moved = rule({
      repeatWeeks: 1,
      exceptions: [{ occurrence: '2026-11-09T22:00:00', kind: 'move', movedStartLocal: '2026-11-09T20:00:00', movedDurationSeconds: 1800 }],
    });
    expect(at([moved], '2026-11-09T19:10:00Z')).toEqual({
      now: '2026-11-09T19:00:00.000Z',
      next: '2026-11-16T21:00:00.000Z',
      change: '2026-11-09T19:30:00.000Z',
    });
  });
});
