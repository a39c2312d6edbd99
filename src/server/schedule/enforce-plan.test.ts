import { describe, expect, it } from 'vitest';
import { type DjAccount, planEnforcement, type RoomDj } from './enforce-plan';
import type { PublishRights } from './on-air';

const rights = (publishers: string[], greenRoom: string[] = []): PublishRights => ({
  current: null,
  next: null,
  publishers: new Set(publishers),
  greenRoom: new Set(greenRoom),
  nextBoundary: null,
});
/** An OBS input (ingress participant) with its audio tracks muted or audible. */
const obs = (userId: string, canPublish: boolean, tracks: { muted?: string[]; audible?: string[] }): RoomDj => ({
  identity: `ingress-rtmp-${userId}`,
  userId,
  canPublish,
  publishing: (tracks.muted?.length ?? 0) + (tracks.audible?.length ?? 0) > 0,
  obs: { muted: tracks.muted ?? [], audible: tracks.audible ?? [] },
});
const dj = (userId: string, canPublish: boolean, publishing = canPublish): RoomDj => ({
  identity: `dj-${userId}`,
  userId,
  canPublish,
  publishing,
});
const accounts = new Map<string, DjAccount>([
  ['a', { admin: false, disabled: false }],
  ['b', { admin: false, disabled: false }],
  ['root', { admin: true, disabled: false }],
  ['off', { admin: false, disabled: true }],
]);

describe('planEnforcement', () => {
  it('hands over in one step: the outgoing host loses the air, the waiting one gets it', () => {
    expect(planEnforcement([dj('a', true), dj('b', false)], accounts, rights(['b']), new Set())).toEqual([
      { type: 'revoke', identity: 'dj-a', userId: 'a', reason: 'slot_ended', wasPublishing: true },
      { type: 'grant', identity: 'dj-b', userId: 'b' },
    ]);
  });

  it('changes nothing when LiveKit already agrees', () => {
    expect(planEnforcement([dj('a', true), dj('b', false)], accounts, rights(['a']), new Set())).toEqual([]);
  });

  it('cuts the outgoing DJ at the end even when nobody follows, and names a kick as such', () => {
    expect(planEnforcement([dj('a', true, false)], accounts, rights([]), new Set())).toMatchObject([
      { type: 'revoke', reason: 'slot_ended', wasPublishing: false },
    ]);
    expect(planEnforcement([dj('a', true)], accounts, rights([]), new Set(['a']))).toMatchObject([{ type: 'revoke', reason: 'kicked' }]);
  });

  it('grants a DJ who joined inside their slot (tokens carry no rights), never one outside it, blocked or disabled', () => {
    expect(planEnforcement([dj('a', false)], accounts, rights(['a']), new Set())).toEqual([
      { type: 'grant', identity: 'dj-a', userId: 'a' },
    ]);
    expect(planEnforcement([dj('a', false)], accounts, rights([], ['a']), new Set())).toEqual([]);
    expect(planEnforcement([dj('a', false)], accounts, rights([]), new Set(['a']))).toEqual([]);
    expect(planEnforcement([dj('off', false)], accounts, rights(['off']), new Set())).toMatchObject([{ type: 'remove' }]);
  });

  it("grants an admin's browser as an override, unless it is blocked", () => {
    expect(planEnforcement([dj('root', false)], accounts, rights([]), new Set())).toEqual([
      { type: 'grant', identity: 'dj-root', userId: 'root', override: true },
    ]);
    expect(planEnforcement([dj('root', false)], accounts, rights([]), new Set(['root']))).toEqual([]);
  });

  it('removes a disabled admin like any disabled account (an old token is no override)', () => {
    const withOffAdmin = new Map([...accounts, ['root2', { admin: true, disabled: true }]]);
    expect(planEnforcement([dj('root2', false)], withOffAdmin, rights([]), new Set())).toEqual([
      { type: 'remove', identity: 'dj-root2', userId: 'root2', wasPublishing: false },
    ]);
  });

  it('never cuts an admin (emergency override)', () => {
    expect(planEnforcement([dj('root', true)], accounts, rights([]), new Set())).toEqual([]);
    expect(planEnforcement([obs('root', true, { audible: ['TR_r'] })], accounts, rights([], ['root']), new Set())).toEqual([]);
  });

  it("puts an admin's OBS input on air: its audio is published muted, and nothing else unmutes it", () => {
    expect(planEnforcement([obs('root', true, { muted: ['TR_r'] })], accounts, rights([]), new Set())).toEqual([
      { type: 'unmute', identity: 'ingress-rtmp-root', userId: 'root', trackSids: ['TR_r'] },
    ]);
  });

  it('removes disabled and deleted accounts from the room', () => {
    expect(planEnforcement([dj('off', false), dj('gone', true)], accounts, rights(['off', 'gone']), new Set())).toEqual([
      { type: 'remove', identity: 'dj-off', userId: 'off', wasPublishing: false },
      { type: 'remove', identity: 'dj-gone', userId: 'gone', wasPublishing: true },
    ]);
  });

  it('revokes a track that is published without rights (a stale state)', () => {
    expect(planEnforcement([dj('a', false, true)], accounts, rights([]), new Set())).toMatchObject([
      { type: 'revoke', reason: 'not_scheduled' },
    ]);
  });

  it('holds an OBS input connected in the green room: muted, never revoked (that would end its session)', () => {
    expect(planEnforcement([obs('b', true, { muted: ['TR_b'] })], accounts, rights([], ['b']), new Set())).toEqual([]);
    expect(planEnforcement([obs('b', true, { audible: ['TR_b'] })], accounts, rights([], ['b']), new Set())).toEqual([
      { type: 'mute', identity: 'ingress-rtmp-b', userId: 'b', trackSids: ['TR_b'] },
    ]);
  });

  it('puts a held OBS input on air at the slot start by unmuting it, handing over from the outgoing DJ', () => {
    expect(planEnforcement([dj('a', true), obs('b', true, { muted: ['TR_b'] })], accounts, rights(['b']), new Set())).toEqual([
      { type: 'revoke', identity: 'dj-a', userId: 'a', reason: 'slot_ended', wasPublishing: true },
      { type: 'unmute', identity: 'ingress-rtmp-b', userId: 'b', trackSids: ['TR_b'] },
    ]);
  });

  it('cuts an OBS input outside its slot and green room as before (revoke)', () => {
    expect(planEnforcement([obs('a', true, { muted: ['TR_a'] })], accounts, rights([]), new Set())).toMatchObject([
      { type: 'revoke', reason: 'slot_ended' },
    ]);
    expect(planEnforcement([obs('a', true, { audible: ['TR_a'] })], accounts, rights([], ['a']), new Set(['a']))).toMatchObject([
      { type: 'revoke', reason: 'kicked' },
    ]);
  });

  it('names a block for a non-audio track as such, not as a kick', () => {
    expect(planEnforcement([dj('a', true), dj('b', true)], accounts, rights([]), new Set(['a', 'b']), new Set(['b']))).toEqual([
      { type: 'revoke', identity: 'dj-a', userId: 'a', reason: 'kicked', wasPublishing: true },
      { type: 'revoke', identity: 'dj-b', userId: 'b', reason: 'not_audio', wasPublishing: true },
    ]);
  });
});
