import { describe, expect, it } from 'vitest';
import { channelStateSchema, liveExtrasSchema, stationStateSchema } from './live';

const channel = {
  id: 'c1',
  slug: 'night',
  name: 'Night',
  description: '',
  timeZone: 'UTC',
  live: { known: true, onAir: true, djName: 'Ada', since: '2026-01-01T10:00:00.000Z', listeners: 2, hls: null },
};

describe('the live update stream contract', () => {
  it('parses a channel state with its tempo and now playing', () => {
    const nowPlaying = { show: 'Warehouse', track: { title: 'A – B', startedAt: '2026-01-01T10:05:00.000Z' } };
    const state = { channel, now: null, next: null, extras: { tempo: { bpm: 128, beatAt: 1_000_000, confidence: 0.9 }, nowPlaying } };
    expect(channelStateSchema.parse(state)).toEqual(state);
  });

  it('reads a missing or garbled now playing as none, or its garbled part as absent', () => {
    const playingOf = (extras: unknown) => liveExtrasSchema.parse(extras).nowPlaying;
    expect(playingOf({ tempo: null })).toBeNull();
    expect(playingOf({ tempo: null, nowPlaying: 'x' })).toBeNull();
    expect(playingOf({ tempo: null, nowPlaying: { show: 'S', track: { title: 5 } } })).toEqual({ show: 'S', track: null });
  });

  it('keeps "no beat" and reads what is not a tempo as none', () => {
    const tempoOf = (extras: unknown) => liveExtrasSchema.parse(extras).tempo;
    expect(tempoOf({ tempo: { bpm: null, beatAt: null, confidence: null } })).toEqual({ bpm: null, beatAt: null, confidence: null });
    expect(tempoOf({ tempo: null })).toBeNull();
    expect(tempoOf({})).toBeNull();
    expect(tempoOf({ tempo: 'fast' })).toBeNull();
    expect(tempoOf({ tempo: { bpm: '128' } })).toEqual({ bpm: null, beatAt: null, confidence: null });
  });

  it('refuses a state that is not a channel state', () => {
    expect(channelStateSchema.safeParse({ channel: { ...channel, live: null }, now: null, next: null, extras: {} }).success).toBe(false);
  });

  it("carries the admin stream's link health by channel id, and reads a garbled map as none", () => {
    const link = { bitrateKbps: 254.2, lossPercent: 0, rttMs: 3, verdict: 'good', at: '2026-01-01T10:00:00.000Z' };
    expect(stationStateSchema.parse({ channels: [], links: { c1: link } }).links).toEqual({ c1: link });
    expect(stationStateSchema.parse({ channels: [], links: { c1: { ...link, verdict: 'great' } } }).links).toEqual({});
    expect(stationStateSchema.parse({ channels: [] }).links).toEqual({});
  });
});
