import { describe, expect, it } from 'vitest';
import { djAccess, NOT_AUDIO_BLOCK_REASON, publishRights, type RightsInput } from './on-air';
import type { Occurrence } from './recurrence';

const at = (s: string) => new Date(`2026-11-22T${s}Z`);
const occ = (slotId: string, start: string, end: string, hostIds: string[]): Occurrence => ({
  slotId,
  occurrence: `2026-11-22T${start}`,
  title: slotId,
  start: at(start),
  end: at(end),
  hostIds,
  recurring: false,
  moved: false,
});
// A at 20-21 (u1), B back-to-back 21-22 (u2 and guest u3), C at 23-24 (u1).
const occurrences = [
  occ('A', '20:00:00', '21:00:00', ['u1']),
  occ('B', '21:00:00', '22:00:00', ['u2', 'u3']),
  occ('C', '23:00:00', '23:59:59', ['u1']),
];
const input = (now: string, over: Partial<RightsInput> = {}): RightsInput => ({
  occurrences,
  blocks: [],
  eligible: new Set(['u1', 'u2', 'u3']),
  now: at(now),
  graceMs: 10 * 60_000,
  ...over,
});

describe('publishRights', () => {
  it('gives nobody the air before the first slot, with its start as the boundary', () => {
    const r = publishRights(input('19:00:00'));
    expect([...r.publishers]).toEqual([]);
    expect(r.current).toBeNull();
    expect(r.next?.slotId).toBe('A');
    expect(r.nextBoundary).toEqual(at('20:00:00'));
    expect([...r.greenRoom]).toEqual([]);
  });

  it('opens the green room exactly at start minus grace', () => {
    expect([...publishRights(input('19:49:59')).greenRoom]).toEqual([]);
    expect([...publishRights(input('19:50:00')).greenRoom]).toEqual(['u1']);
  });

  it('gives the air at the first instant of a slot and takes it at its end (half-open)', () => {
    expect([...publishRights(input('20:00:00')).publishers]).toEqual(['u1']);
    expect([...publishRights(input('20:59:59.999')).publishers]).toEqual(['u1']);
    const handover = publishRights(input('21:00:00'));
    expect([...handover.publishers]).toEqual(['u2', 'u3']);
    expect(handover.current?.slotId).toBe('B');
    expect(handover.nextBoundary).toEqual(at('22:00:00'));
  });

  it('puts the next hosts in the green room while the current slot runs', () => {
    const r = publishRights(input('20:55:00'));
    expect([...r.publishers]).toEqual(['u1']);
    expect([...r.greenRoom]).toEqual(['u2', 'u3']);
    expect(r.nextBoundary).toEqual(at('21:00:00'));
  });

  it('gives nobody the air in a gap between slots, and none after the last', () => {
    expect([...publishRights(input('22:30:00')).publishers]).toEqual([]);
    const end = publishRights(input('23:59:59'));
    expect(end.nextBoundary).toBeNull();
    expect(end.next).toBeNull();
  });

  it('leaves out blocked hosts until the block ends, and wakes when it does', () => {
    const r = publishRights(input('21:10:00', { blocks: [{ userId: 'u2', until: at('21:30:00') }] }));
    expect([...r.publishers]).toEqual(['u3']);
    expect(r.nextBoundary).toEqual(at('21:30:00'));
    expect([...publishRights(input('21:30:00', { blocks: [{ userId: 'u2', until: at('21:30:00') }] })).publishers]).toEqual(['u2', 'u3']);
  });

  it('leaves out hosts who are no longer eligible (removed from the channel or disabled)', () => {
    expect([...publishRights(input('21:10:00', { eligible: new Set(['u3']) })).publishers]).toEqual(['u3']);
  });
});

describe('djAccess', () => {
  it('says publish inside the slot, green room in the grace period, denied with the next slot otherwise', () => {
    expect(djAccess('u1', input('20:30:00'))).toMatchObject({ kind: 'publish', occurrence: { slotId: 'A' } });
    expect(djAccess('u2', input('20:50:00'))).toMatchObject({ kind: 'green_room', occurrence: { slotId: 'B' } });
    expect(djAccess('u2', input('20:49:59'))).toMatchObject({ kind: 'denied', next: { slotId: 'B' } });
    expect(djAccess('u1', input('21:00:00'))).toMatchObject({ kind: 'denied', next: { slotId: 'C' } });
    expect(djAccess('u2', input('22:00:00'))).toEqual({ kind: 'denied', next: null });
  });

  it('refuses a kicked DJ for the rest of the slot, and a DJ not listed on the channel', () => {
    const blocks = [{ userId: 'u1', until: at('21:00:00') }];
    expect(djAccess('u1', input('20:30:00', { blocks }))).toEqual({ kind: 'blocked', until: at('21:00:00'), cause: 'kicked' });
    expect(djAccess('u1', input('20:30:00', { eligible: new Set(['u2']) }))).toEqual({ kind: 'denied', next: null });
    // The block does not reach the DJ's next slot.
    expect(djAccess('u1', input('22:55:00', { blocks }))).toMatchObject({ kind: 'green_room', occurrence: { slotId: 'C' } });
  });

  it('says why a host is blocked: a kick, or a non-audio track', () => {
    const blocks = [{ userId: 'u1', until: at('21:00:00'), reason: NOT_AUDIO_BLOCK_REASON }];
    expect(djAccess('u1', input('20:30:00', { blocks }))).toEqual({ kind: 'blocked', until: at('21:00:00'), cause: 'not_audio' });
    const kicked = [{ userId: 'u1', until: at('21:00:00'), reason: 'kicked by Admin' }];
    expect(djAccess('u1', input('20:30:00', { blocks: kicked }))).toEqual({ kind: 'blocked', until: at('21:00:00'), cause: 'kicked' });
  });
});
