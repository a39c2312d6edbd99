import { TrackSource } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { djGrant, djPermission, grantFor, listenerGrant, obsInputPermission, ttlFor } from './grants';

describe('listenerGrant', () => {
  it('subscribes only, hidden, without data or metadata rights', () => {
    expect(listenerGrant('channel-a')).toEqual({
      room: 'channel-a',
      roomJoin: true,
      canSubscribe: true,
      canPublish: false,
      canPublishData: false,
      canUpdateOwnMetadata: false,
      hidden: true,
    });
  });
});

describe('djGrant', () => {
  it('publishes the microphone only, never subscribes, may update own metadata (its tempo) while on air', () => {
    const grant = djGrant('channel-a');
    expect(grant.canPublish).toBe(true);
    expect(grant.canPublishSources).toEqual([TrackSource.MICROPHONE]);
    expect(grant.canSubscribe).toBe(false);
    expect(grant.canPublishData).toBe(false);
    expect(grant.canUpdateOwnMetadata).toBe(true);
    expect(grant.hidden).toBe(false);
    expect(grant.room).toBe('channel-a');
  });
});

describe('green room and djPermission', () => {
  it('connects a waiting DJ without publish rights and without the right to change what listeners see', () => {
    expect(djGrant('r', false)).toEqual({ ...djGrant('r'), canPublish: false, canUpdateOwnMetadata: false });
  });

  it('sets the same rights mid-session as the grant gives at connect', () => {
    const grant = djGrant('r');
    const on = djPermission(true);
    expect(on).toMatchObject({ canPublish: true, canSubscribe: false, canPublishData: false, hidden: false, canUpdateMetadata: true });
    expect(on.canPublishSources).toEqual(grant.canPublishSources);
    // Off air (slot ended, kicked, green room): no attributes, name or metadata of their own either.
    expect(djPermission(false)).toEqual({ ...on, canPublish: false, canUpdateMetadata: false });
  });
});

describe('obsInputPermission', () => {
  it('lets an OBS input publish its audio and the video OBS sends, and nothing else', () => {
    const p = obsInputPermission();
    expect(p.canPublish).toBe(true);
    expect(p.canPublishSources).toEqual([TrackSource.MICROPHONE, TrackSource.CAMERA]);
    expect(p).toMatchObject({ canSubscribe: false, canPublishData: false, canUpdateMetadata: false });
  });
});

describe('grantFor / ttlFor', () => {
  it('picks the grant and a short TTL by role', () => {
    expect(grantFor('dj', 'r')).toEqual(djGrant('r'));
    expect(grantFor('listener', 'r')).toEqual(listenerGrant('r'));
    expect(ttlFor('listener')).toBeLessThanOrEqual(600);
    expect(ttlFor('dj')).toBeLessThanOrEqual(900);
  });
});
