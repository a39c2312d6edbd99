import { describe, expect, it } from 'vitest';
import { isRoomNotHosted } from './livekit-probe';
import { toChannelSummary } from './queries';

const row = {
  id: 'c1',
  slug: 'night',
  name: 'Night',
  description: '',
  timeZone: 'UTC',
  liveIdentity: 'dj-u1',
  liveName: 'DJ Ada',
  liveSince: new Date('2026-01-01T10:00:00Z'),
};

describe('toChannelSummary', () => {
  it('reports what the database says while live state is known', () => {
    expect(toChannelSummary(row, 3, true).live).toEqual({
      known: true,
      onAir: true,
      djName: 'DJ Ada',
      since: '2026-01-01T10:00:00.000Z',
      listeners: 3,
      hls: null,
    });
  });

  it('never reports a stale DJ or listener count while live state is unknown', () => {
    expect(toChannelSummary(row, 3, false).live).toEqual({ known: false, onAir: false, djName: null, since: null, listeners: 0, hls: null });
  });
});

describe('isRoomNotHosted', () => {
  it('recognises LiveKit answering for a room no live node hosts', () => {
    expect(isRoomNotHosted({ status: 503, code: 'unavailable', message: 'twirp error unknown: no response from servers' })).toBe(true);
    expect(isRoomNotHosted({ status: 503, message: 'overloaded' })).toBe(false);
    expect(isRoomNotHosted({ status: 404, message: 'requested room does not exist' })).toBe(false);
    expect(isRoomNotHosted(new TypeError('fetch failed'))).toBe(false);
  });
});
