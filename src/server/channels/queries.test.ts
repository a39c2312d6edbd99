import { describe, expect, it } from 'vitest';
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
  replayBroadcastId: null,
  replayName: null,
  replayDate: null,
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
      replay: null,
    });
  });

  it('never reports a stale DJ or listener count while live state is unknown', () => {
    expect(toChannelSummary(row, 3, false).live).toEqual({
      known: false,
      onAir: false,
      djName: null,
      since: null,
      listeners: 0,
      hls: null,
      replay: null,
    });
  });

  it('shows a replay as its own state, only while nobody is on air', () => {
    const replaying = {
      ...row,
      liveIdentity: null,
      liveName: null,
      liveSince: null,
      replayBroadcastId: 'b1',
      replayName: 'DJ Ada',
      replayDate: new Date('2026-01-01T09:00:00Z'),
    };
    expect(toChannelSummary(replaying, 1, true).live).toMatchObject({
      onAir: false,
      djName: null,
      replay: { djName: 'DJ Ada', date: '2026-01-01T09:00:00.000Z', setId: 'b1' },
    });
    expect(toChannelSummary({ ...replaying, liveIdentity: 'dj-u1' }, 1, true).live.replay).toBeNull();
    expect(toChannelSummary(replaying, 1, false).live.replay).toBeNull();
  });

  it("carries a replay's HLS, and no HLS off air", () => {
    const hls = { playlistUrl: 'https://cdn.example/hls/c1/replay1/a1-live.m3u8', ready: true, preferred: false };
    const replaying = { ...row, liveIdentity: null, replayBroadcastId: 'b1', replayName: 'DJ Ada', replayDate: new Date() };
    expect(toChannelSummary(replaying, 0, true, hls).live.hls).toEqual(hls);
    expect(toChannelSummary({ ...replaying, replayDate: null }, 0, true, hls).live.hls).toBeNull();
    expect(toChannelSummary(replaying, 0, false, hls).live.hls).toBeNull();
  });
});
