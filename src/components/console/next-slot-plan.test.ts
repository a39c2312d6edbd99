import { describe, expect, it } from 'vitest';
import type { OccurrenceDto } from '@/types/schedule';
import {
  type AutoGoLiveInput,
  AUTO_RETRY_MS,
  followOf,
  GREEN_ROOM_MARGIN_MS,
  liveWindow,
  mySlots,
  shouldAutoGoLive,
} from './next-slot-plan';

const occ = (slotId: string, start: number, end: number, hosts: string[]): OccurrenceDto => ({
  slotId,
  occurrence: String(start),
  title: slotId,
  start: new Date(start).toISOString(),
  end: new Date(end).toISOString(),
  hosts: hosts.map((id) => ({ id, name: `Name ${id}` })),
  recurring: false,
  moved: false,
});
const T = Date.parse('2026-12-03T18:00:00Z');
const MIN = 60_000;
const schedule = [
  occ('b', T + 60 * MIN, T + 90 * MIN, ['me']),
  occ('a', T, T + 30 * MIN, ['me']),
  occ('c', T + 30 * MIN, T + 60 * MIN, ['other']),
];

describe('mySlots', () => {
  it('keeps the DJ’s slots not yet over, soonest first', () => {
    expect(mySlots(schedule, 'me', T - MIN).map((s) => s.title)).toEqual(['a', 'b']);
    expect(mySlots(schedule, 'me', T + 30 * MIN).map((s) => s.title)).toEqual(['b']);
    expect(mySlots(schedule, 'nobody', T)).toEqual([]);
  });
});

describe('followOf', () => {
  it('tells another DJ, the same DJ, and silence apart', () => {
    expect(followOf(schedule, T + 30 * MIN, 'me')).toEqual({ kind: 'other', names: ['Name other'] });
    expect(followOf(schedule, T + 60 * MIN, 'me')).toEqual({ kind: 'self' });
    expect(followOf(schedule, T + 60 * MIN, 'other')).toEqual({ kind: 'other', names: ['Name me'] });
    expect(followOf(schedule, T + 90 * MIN, 'me')).toEqual({ kind: 'none' });
    expect(followOf(schedule, T + 31 * MIN, 'me')).toEqual({ kind: 'none' });
  });
});

describe('liveWindow', () => {
  const session = { start: T, end: T + 30 * MIN, title: 'a' };
  it('keeps the session’s slot until it ends, then the DJ’s own slot running on', () => {
    const mine = mySlots([...schedule, occ('d', T + 30 * MIN, T + 40 * MIN, ['me'])], 'me', T + 31 * MIN);
    expect(liveWindow(session, mine, T + 10 * MIN)).toBe(session);
    expect(liveWindow(session, mine, T + 31 * MIN)).toMatchObject({ title: 'd', end: T + 40 * MIN });
    expect(liveWindow(session, [], T + 31 * MIN)).toBe(session);
    expect(liveWindow(null, mine, T)).toBeNull();
  });
});

describe('shouldAutoGoLive', () => {
  const next = { key: 'b', title: 'b', start: T, end: T + 30 * MIN };
  const base: AutoGoLiveInput = {
    enabled: true,
    ready: true,
    phase: 'error',
    errorKind: 'slot-ended',
    next,
    greenRoomMs: 10 * MIN,
    now: T - 5 * MIN,
    skippedKey: null,
    last: null,
  };

  it('connects once the green room is open, until the slot ends', () => {
    expect(shouldAutoGoLive(base)).toBe(true);
    expect(shouldAutoGoLive({ ...base, phase: 'idle', errorKind: null })).toBe(true);
    expect(shouldAutoGoLive({ ...base, now: T - 10 * MIN })).toBe(false);
    expect(shouldAutoGoLive({ ...base, now: T - 10 * MIN + GREEN_ROOM_MARGIN_MS })).toBe(true);
    expect(shouldAutoGoLive({ ...base, now: T + 30 * MIN })).toBe(false);
  });

  it('needs the DJ’s agreement, a ready input and a next slot', () => {
    expect(shouldAutoGoLive({ ...base, enabled: false })).toBe(false);
    expect(shouldAutoGoLive({ ...base, ready: false })).toBe(false);
    expect(shouldAutoGoLive({ ...base, next: null })).toBe(false);
  });

  it('leaves a session alone and never overrides a kick, a stop by hand or a problem the DJ must fix', () => {
    for (const phase of ['connecting', 'waiting', 'live', 'reconnecting', 'stopping'] as const) {
      expect(shouldAutoGoLive({ ...base, phase, errorKind: null })).toBe(false);
    }
    expect(shouldAutoGoLive({ ...base, errorKind: 'kicked' })).toBe(false);
    expect(shouldAutoGoLive({ ...base, errorKind: 'permission-denied' })).toBe(false);
    expect(shouldAutoGoLive({ ...base, skippedKey: 'b' })).toBe(false);
  });

  it('tries again for the same slot only after a pause', () => {
    const last = { key: 'b', at: base.now };
    expect(shouldAutoGoLive({ ...base, errorKind: 'not-your-slot', last })).toBe(false);
    expect(shouldAutoGoLive({ ...base, errorKind: 'not-your-slot', last, now: base.now + AUTO_RETRY_MS })).toBe(true);
    expect(shouldAutoGoLive({ ...base, last: { key: 'a', at: base.now } })).toBe(true);
  });
});
