import { describe, expect, it } from 'vitest';
import { needsReconcile, planReconcile, type RoomParticipant, type StoredChannel } from './reconcile-plan';

const t0 = new Date('2026-01-01T10:00:00Z');
const before = new Date(t0.getTime() - 60_000);
const after = new Date(t0.getTime() + 60_000);
const offAir: StoredChannel = { liveIdentity: null, liveTrackSid: null, liveSince: null, presences: [] };
const dj: RoomParticipant = { sid: 'PA_dj', identity: 'dj-u1', name: 'DJ Ada', joinedAt: before, audioTrackSids: ['TR_1'] };
const listener: RoomParticipant = { sid: 'PA_l', identity: 'listener-1', name: '', joinedAt: before, audioTrackSids: [] };

describe('planReconcile', () => {
  it('changes nothing when the database already agrees', () => {
    const stored: StoredChannel = {
      liveIdentity: 'dj-u1',
      liveTrackSid: 'TR_1',
      liveSince: before,
      presences: [
        { participantSid: 'PA_dj', joinedAt: before, leftAt: null },
        { participantSid: 'PA_l', joinedAt: before, leftAt: null },
      ],
    };
    expect(planReconcile(stored, [dj, listener], t0)).toEqual({ close: [], open: [], live: { type: 'keep' } });
  });

  it('takes a channel off air and closes presences that LiveKit no longer has', () => {
    const stored: StoredChannel = {
      liveIdentity: 'dj-u1',
      liveTrackSid: 'TR_1',
      liveSince: before,
      presences: [{ participantSid: 'PA_gone', joinedAt: before, leftAt: null }],
    };
    expect(planReconcile(stored, [], t0)).toEqual({ close: ['PA_gone'], open: [], live: { type: 'clear' } });
  });

  it('puts a publishing DJ on air and counts participants the webhooks missed', () => {
    const plan = planReconcile(offAir, [dj, listener], t0);
    expect(plan.open.map((p) => p.sid)).toEqual(['PA_dj', 'PA_l']);
    expect(plan.live).toEqual({ type: 'set', identity: 'dj-u1', name: 'DJ Ada', trackSid: 'TR_1', since: t0 });
  });

  it('reopens a participant marked gone who is still there', () => {
    const stored: StoredChannel = { ...offAir, presences: [{ participantSid: 'PA_l', joinedAt: before, leftAt: before }] };
    expect(planReconcile(stored, [listener], t0).open.map((p) => p.sid)).toEqual(['PA_l']);
  });

  it('leaves alone what webhooks recorded after the snapshot', () => {
    const stored: StoredChannel = {
      liveIdentity: 'dj-u2',
      liveTrackSid: 'TR_9',
      liveSince: after,
      presences: [{ participantSid: 'PA_new', joinedAt: after, leftAt: null }],
    };
    expect(planReconcile(stored, [], t0)).toEqual({ close: [], open: [], live: { type: 'keep' } });
  });

  it('keeps a presence whose join, dated in whole seconds, may have come after the snapshot', () => {
    // Joined at 10:00:00.800, just after a snapshot at 10:00:00.600: the webhook dates it 10:00:00.
    const snapshot = new Date(t0.getTime() + 600);
    const justJoined = { participantSid: 'PA_new', joinedAt: t0, leftAt: null };
    expect(planReconcile({ ...offAir, presences: [justJoined] }, [], snapshot).close).toEqual([]);
    // One that joined well before the snapshot and is not in it has left.
    const earlier = { ...justJoined, joinedAt: new Date(snapshot.getTime() - 2_000) };
    expect(planReconcile({ ...offAir, presences: [earlier] }, [], snapshot).close).toEqual(['PA_new']);
  });

  it('puts a publishing OBS ingress on air under its DJ name', () => {
    const obs: RoomParticipant = { sid: 'PA_obs', identity: 'ingress-whip-u1', name: 'DJ Ada', joinedAt: before, audioTrackSids: ['TR_9'] };
    expect(planReconcile(offAir, [obs], t0).live).toEqual({
      type: 'set',
      identity: 'ingress-whip-u1',
      name: 'DJ Ada',
      trackSid: 'TR_9',
      since: t0,
    });
  });

  it('never puts a listener on air', () => {
    const odd = { ...listener, audioTrackSids: ['TR_x'] };
    expect(planReconcile(offAir, [odd], t0).live).toEqual({ type: 'keep' });
  });

  it('never puts an AutoDJ replay on air, and a DJ publishing beside it is the one on air', () => {
    const replay = { ...listener, sid: 'PA_r', identity: 'replay-c1', audioTrackSids: ['TR_r'] };
    expect(planReconcile(offAir, [replay], t0).live).toEqual({ type: 'keep' });
    expect(planReconcile(offAir, [replay, dj], t0).live).toMatchObject({ type: 'set', identity: 'dj-u1', trackSid: 'TR_1' });
  });
});

describe('needsReconcile', () => {
  it('skips only a channel whose pass would plan nothing: no room, off air, nobody present', () => {
    expect(needsReconcile(offAir, false, false)).toBe(false);
    expect(planReconcile(offAir, [], t0)).toEqual({ close: [], open: [], live: { type: 'keep' } });
  });

  it('looks at a channel with a room, someone present, or a live DJ', () => {
    expect(needsReconcile(offAir, true, false)).toBe(true);
    expect(needsReconcile(offAir, false, true)).toBe(true);
    const live = { ...offAir, liveIdentity: 'dj-u1', liveTrackSid: 'TR_1', liveSince: before };
    expect(needsReconcile(live, false, false)).toBe(true);
    // What the pass then does for that last one: off air, since LiveKit has no room for it.
    expect(planReconcile(live, [], t0).live).toEqual({ type: 'clear' });
  });
});
