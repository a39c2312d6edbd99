import { WebhookEvent } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { MAX_EVENT_CLOCK_SKEW_MS, planLiveAction } from './live-events';

// Built from JSON exactly as WebhookReceiver.receive does with a delivered body.
type JsonInit = Record<string, unknown>;
const room = { name: 'channel-c1', sid: 'RM_1' };
const dj = { sid: 'PA_dj', identity: 'dj-u1', name: 'DJ Ada' };
const listener = { sid: 'PA_l', identity: 'listener-x' };
const audio = { sid: 'TR_a', type: 'AUDIO' };
const at = new Date(1_700_000_000 * 1000);
const ev = (init: JsonInit) =>
  WebhookEvent.fromJson({ id: 'EV_1', createdAt: '1700000000', room, ...init } as Parameters<typeof WebhookEvent.fromJson>[0]);

describe('planLiveAction', () => {
  it('puts a DJ on air when their audio track is published', () => {
    expect(planLiveAction(ev({ event: 'track_published', participant: dj, track: audio }))).toEqual({
      type: 'on_air',
      channelId: 'c1',
      at,
      trackSid: 'TR_a',
      participant: { sid: 'PA_dj', identity: 'dj-u1', name: 'DJ Ada', kind: 'dj' },
    });
  });

  it('puts an OBS ingress of a DJ on air as that DJ', () => {
    const obs = { sid: 'PA_obs', identity: 'ingress-rtmp-u1', name: 'DJ Ada' };
    expect(planLiveAction(ev({ event: 'track_published', participant: obs, track: audio }))).toMatchObject({
      type: 'on_air',
      participant: { identity: 'ingress-rtmp-u1', kind: 'dj' },
    });
  });

  it('leaves a held (muted) OBS track off air: the green room is heard by nobody', () => {
    const obs = { sid: 'PA_obs', identity: 'ingress-rtmp-u1', name: 'DJ Ada' };
    expect(planLiveAction(ev({ event: 'track_published', participant: obs, track: audio }), at, true)).toMatchObject({
      type: 'ignore',
      reason: 'muted track',
    });
    expect(planLiveAction(ev({ event: 'track_published', participant: obs, track: { ...audio, muted: true } }))).toMatchObject({
      type: 'ignore',
    });
  });

  it('takes the channel off air when that track is unpublished', () => {
    expect(planLiveAction(ev({ event: 'track_unpublished', participant: dj, track: audio }))).toEqual({
      type: 'off_air',
      channelId: 'c1',
      at,
      trackSid: 'TR_a',
    });
  });

  it('tracks joins and leaves with the participant kind', () => {
    const action = planLiveAction(ev({ event: 'participant_joined', participant: listener }));
    expect(action).toMatchObject({ type: 'join', participant: { kind: 'listener', name: '' } });
    expect(planLiveAction(ev({ event: 'participant_left', participant: dj }))).toMatchObject({ type: 'leave' });
  });

  it('resets on room start and finish', () => {
    expect(planLiveAction(ev({ event: 'room_finished' }))).toEqual({ type: 'room_reset', channelId: 'c1', at });
    expect(planLiveAction(ev({ event: 'room_started' }))).toMatchObject({ type: 'room_reset' });
  });

  it('ignores other rooms, video tracks, listener tracks and unknown events', () => {
    expect(planLiveAction(ev({ event: 'room_started', room: { name: 'lobby' } })).type).toBe('ignore');
    const video = { sid: 'TR_v', type: 'VIDEO' };
    expect(planLiveAction(ev({ event: 'track_published', participant: dj, track: video })).type).toBe('ignore');
    expect(planLiveAction(ev({ event: 'track_published', participant: listener, track: audio })).type).toBe('ignore');
    expect(planLiveAction(ev({ event: 'egress_started' })).type).toBe('ignore');
  });

  it('clamps an event dated in the future to the time it was received', () => {
    const received = new Date(at.getTime());
    const hourAhead = ev({ event: 'track_published', participant: dj, track: audio, createdAt: String(1_700_000_000 + 3600) });
    expect(planLiveAction(hourAhead, received)).toMatchObject({ type: 'on_air', at: received });
  });

  it('keeps event times within the allowed skew, and past ones as they are', () => {
    const received = new Date(at.getTime() - MAX_EVENT_CLOCK_SKEW_MS + 1000);
    expect(planLiveAction(ev({ event: 'room_finished' }), received)).toMatchObject({ at });
    const later = new Date(at.getTime() + 3600_000);
    expect(planLiveAction(ev({ event: 'room_finished' }), later)).toMatchObject({ at });
  });

  it('keeps an AutoDJ replay off air: its track is no set', () => {
    const replay = { sid: 'PA_r', identity: 'replay-c1', name: 'Replay' };
    expect(planLiveAction(ev({ event: 'track_published', participant: replay, track: audio }))).toEqual({
      type: 'ignore',
      reason: 'replay track',
    });
    expect(planLiveAction(ev({ event: 'participant_joined', participant: replay }))).toMatchObject({
      type: 'join',
      participant: { kind: 'replay' },
    });
  });
});
