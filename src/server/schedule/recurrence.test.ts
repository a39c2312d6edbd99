import { describe, expect, it } from 'vitest';
import { slotRule } from './rule.test-support';
import { expandSlot, instantToLocal, isOriginalOccurrence, localToInstant, type SlotRule } from './recurrence';

const rule = (over: Partial<SlotRule>) => slotRule({ timeZone: 'UTC', ...over });
const d = (iso: string) => new Date(iso);
const starts = (r: SlotRule, from: string, to: string) => expandSlot(r, d(from), d(to)).map((o) => o.start.toISOString());

describe('localToInstant', () => {
  it('reads wall-clock time in the zone', () => {
    expect(localToInstant('2026-07-01T22:00:00', 'Europe/Berlin').toISOString()).toBe('2026-07-01T20:00:00.000Z');
    expect(localToInstant('2026-07-01T22:00:00', 'Australia/Sydney').toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });

  it('moves a time skipped by spring-forward forward by the gap', () => {
    expect(localToInstant('2026-03-29T02:30:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantToLocal(localToInstant('2026-03-29T02:30:00', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-03-29T03:30:00');
  });

  it('takes the earlier instant of a time that happens twice at fall-back, in both hemispheres', () => {
    expect(localToInstant('2026-10-25T02:30:00', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(localToInstant('2026-04-05T02:30:00', 'Australia/Sydney').toISOString()).toBe('2026-04-04T15:30:00.000Z');
  });
});

describe('expandSlot', () => {
  it('yields a one-off slot only when it overlaps the range', () => {
    const r = rule({});
    expect(starts(r, '2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z')).toEqual(['2026-11-02T22:00:00.000Z']);
    // Overlap is half-open: a range starting at the end or ending at the start misses it.
    expect(starts(r, '2026-11-02T23:00:00Z', '2026-11-04T00:00:00Z')).toEqual([]);
    expect(starts(r, '2026-11-01T00:00:00Z', '2026-11-02T22:00:00Z')).toEqual([]);
    expect(starts(r, '2026-11-02T22:59:59Z', '2026-11-04T00:00:00Z')).toHaveLength(1);
  });

  it('repeats weekly at the same local time across the autumn change (Europe/Berlin)', () => {
    const r = rule({ startLocal: '2026-10-17T22:00:00', timeZone: 'Europe/Berlin', repeatWeeks: 1 });
    expect(starts(r, '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z')).toEqual([
      '2026-10-17T20:00:00.000Z', // CEST, UTC+2
      '2026-10-24T20:00:00.000Z',
      '2026-10-31T21:00:00.000Z', // CET, UTC+1: still 22:00 local
    ]);
  });

  it('repeats weekly at the same local time across the spring change (Australia/Sydney)', () => {
    const r = rule({ startLocal: '2026-09-25T22:00:00', timeZone: 'Australia/Sydney', repeatWeeks: 1 });
    const got = expandSlot(r, d('2026-09-20T00:00:00Z'), d('2026-10-15T00:00:00Z'));
    expect(got.map((o) => o.start.toISOString())).toEqual([
      '2026-09-25T12:00:00.000Z', // AEST, UTC+10
      '2026-10-02T12:00:00.000Z',
      '2026-10-09T11:00:00.000Z', // AEDT, UTC+11
    ]);
    expect(got.map((o) => instantToLocal(o.start, 'Australia/Sydney'))).toEqual([
      '2026-09-25T22:00:00',
      '2026-10-02T22:00:00',
      '2026-10-09T22:00:00',
    ]);
    // Duration is real time: one hour each, whatever the offset.
    expect(got.every((o) => o.end.getTime() - o.start.getTime() === 3600_000)).toBe(true);
  });

  it('keeps the local time in the weeks after a slot that fell into a DST gap', () => {
    const r = rule({ startLocal: '2026-03-22T02:30:00', timeZone: 'Europe/Berlin', repeatWeeks: 1 });
    expect(starts(r, '2026-03-20T00:00:00Z', '2026-04-06T00:00:00Z')).toEqual([
      '2026-03-22T01:30:00.000Z', // 02:30 CET
      '2026-03-29T01:30:00.000Z', // 02:30 does not exist: 03:30 CEST
      '2026-04-05T00:30:00.000Z', // 02:30 CEST again
    ]);
  });

  it('repeats every N weeks and stops after the until date (inclusive)', () => {
    const r = rule({ startLocal: '2026-11-02T22:00:00', repeatWeeks: 2, repeatUntil: '2026-11-30' });
    expect(starts(r, '2026-10-01T00:00:00Z', '2027-02-01T00:00:00Z')).toEqual([
      '2026-11-02T22:00:00.000Z',
      '2026-11-16T22:00:00.000Z',
      '2026-11-30T22:00:00.000Z',
    ]);
  });

  it('finds occurrences far from the first one without walking from the start', () => {
    const r = rule({ startLocal: '2026-01-05T22:00:00', timeZone: 'Europe/Berlin', repeatWeeks: 1 });
    expect(starts(r, '2030-07-01T00:00:00Z', '2030-07-08T00:00:00Z')).toEqual(['2030-07-01T20:00:00.000Z']);
  });

  it('includes an occurrence that started before the range and is still running', () => {
    const r = rule({ repeatWeeks: 1, durationSeconds: 7200 });
    expect(starts(r, '2026-11-09T23:00:00Z', '2026-11-10T00:00:00Z')).toEqual(['2026-11-09T22:00:00.000Z']);
  });

  it('drops a cancelled occurrence and places a moved one at its new time', () => {
    const r = rule({
      repeatWeeks: 1,
      exceptions: [
        { occurrence: '2026-11-09T22:00:00', kind: 'cancel' },
        { occurrence: '2026-11-16T22:00:00', kind: 'move', movedStartLocal: '2026-11-17T20:00:00', movedDurationSeconds: 1800 },
      ],
    });
    const got = expandSlot(r, d('2026-11-01T00:00:00Z'), d('2026-11-24T00:00:00Z'));
    expect(got.map((o) => [o.occurrence, o.start.toISOString(), o.end.toISOString(), o.moved])).toEqual([
      ['2026-11-02T22:00:00', '2026-11-02T22:00:00.000Z', '2026-11-02T23:00:00.000Z', false],
      ['2026-11-16T22:00:00', '2026-11-17T20:00:00.000Z', '2026-11-17T20:30:00.000Z', true],
      ['2026-11-23T22:00:00', '2026-11-23T22:00:00.000Z', '2026-11-23T23:00:00.000Z', false],
    ]);
    // A move into the range counts even when the original is outside it.
    expect(starts(r, '2026-11-17T00:00:00Z', '2026-11-18T00:00:00Z')).toEqual(['2026-11-17T20:00:00.000Z']);
    // And the original time is free when the range holds only it.
    expect(starts(r, '2026-11-16T21:00:00Z', '2026-11-16T23:30:00Z')).toEqual([]);
  });
});

describe('isOriginalOccurrence', () => {
  it('accepts only starts of the rule itself', () => {
    const r = rule({ repeatWeeks: 2, repeatUntil: '2026-12-31' });
    expect(isOriginalOccurrence(r, '2026-11-02T22:00:00')).toBe(true);
    expect(isOriginalOccurrence(r, '2026-11-16T22:00:00')).toBe(true);
    expect(isOriginalOccurrence(r, '2026-11-09T22:00:00')).toBe(false);
    expect(isOriginalOccurrence(r, '2026-11-16T21:00:00')).toBe(false);
    expect(isOriginalOccurrence(r, '2026-10-19T22:00:00')).toBe(false);
    expect(isOriginalOccurrence(r, '2027-01-11T22:00:00')).toBe(false);
    expect(isOriginalOccurrence(rule({}), '2026-11-02T22:00:00')).toBe(true);
    expect(isOriginalOccurrence(rule({}), '2026-11-09T22:00:00')).toBe(false);
  });
});
