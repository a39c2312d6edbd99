import { describe, expect, it } from 'vitest';
import { slotRule } from './rule.test-support';
import { conflictMessage, findConflict } from './conflicts';
import type { SlotRule } from './recurrence';

const rule = (id: string, over: Partial<SlotRule>) => slotRule({ id, title: id, startLocal: '2026-11-23T20:00:00', ...over });
const now = new Date('2026-11-22T00:00:00Z');

describe('findConflict', () => {
  it('allows back-to-back slots on either side', () => {
    const existing = rule('a', {});
    expect(findConflict(rule('b', { startLocal: '2026-11-23T21:00:00' }), [existing], now)).toBeNull();
    expect(findConflict(rule('c', { startLocal: '2026-11-23T19:00:00' }), [existing], now)).toBeNull();
  });

  it('refuses any overlap, even one second, and names the slot it hits', () => {
    const existing = rule('a', { title: 'Deep Night' });
    const hit = findConflict(rule('b', { startLocal: '2026-11-23T20:59:59' }), [existing], now);
    expect(hit?.existing.slotId).toBe('a');
    expect(conflictMessage(hit!, 'Europe/Berlin')).toContain('“Deep Night” on Mon 23 Nov 2026, 20:00–21:00 (Europe/Berlin)');
    expect(findConflict(rule('c', { startLocal: '2026-11-23T19:30:00' }), [existing], now)?.existing.slotId).toBe('a');
    // Inside and around count too.
    expect(findConflict(rule('d', { startLocal: '2026-11-23T20:15:00', durationSeconds: 60 }), [existing], now)).not.toBeNull();
    expect(findConflict(rule('e', { startLocal: '2026-11-23T19:00:00', durationSeconds: 3 * 3600 }), [existing], now)).not.toBeNull();
  });

  it('finds a weekly slot hitting a one-off months later, and ignores the edited slot itself', () => {
    const oneOff = rule('a', { startLocal: '2027-03-01T20:30:00' });
    const weekly = rule('b', { startLocal: '2026-11-23T20:00:00', repeatWeeks: 1 });
    expect(findConflict(weekly, [oneOff], now)?.candidate.occurrence).toBe('2027-03-01T20:00:00');
    expect(findConflict(weekly, [weekly], now)).toBeNull();
    expect(findConflict({ ...weekly, repeatUntil: '2027-02-28' }, [oneOff], now)).toBeNull();
  });

  it('does not report clashes of alternate-week shows in the same hour', () => {
    const a = rule('a', { repeatWeeks: 2 });
    const b = rule('b', { startLocal: '2026-11-30T20:00:00', repeatWeeks: 2 });
    expect(findConflict(b, [a], now)).toBeNull();
    expect(findConflict(rule('c', { startLocal: '2026-12-07T20:00:00', repeatWeeks: 1 }), [a], now)).not.toBeNull();
  });

  it('frees the time of a cancelled occurrence and checks where a moved one lands', () => {
    const weekly = rule('a', { repeatWeeks: 1, exceptions: [{ occurrence: '2026-11-30T20:00:00', kind: 'cancel' }] });
    expect(findConflict(rule('b', { startLocal: '2026-11-30T20:00:00' }), [weekly], now)).toBeNull();
    const moved = rule('c', {
      repeatWeeks: 1,
      exceptions: [{ occurrence: '2026-11-30T20:00:00', kind: 'move', movedStartLocal: '2026-12-07T20:30:00', movedDurationSeconds: null }],
    });
    // The moved occurrence overlaps the slot's own next week.
    expect(findConflict(moved, [], now)).not.toBeNull();
  });

  it('checks slots years ahead, and a weekly slot against a one-off far beyond the horizon', () => {
    const far = rule('a', { startLocal: '2031-01-01T20:00:00' });
    expect(findConflict(rule('b', { startLocal: '2031-01-01T20:30:00' }), [far], now)?.existing.slotId).toBe('a');
    expect(findConflict(rule('c', { startLocal: '2031-01-01T21:00:00' }), [far], now)).toBeNull();
    expect(findConflict(rule('d', { startLocal: '2026-12-30T20:00:00', repeatWeeks: 1 }), [far], now)?.existing.slotId).toBe('a');
  });

  it('ignores occurrences in the past', () => {
    const past = rule('a', { startLocal: '2026-11-01T20:00:00' });
    expect(findConflict(rule('b', { startLocal: '2026-11-01T20:00:00' }), [past], now)).toBeNull();
  });
});
