import { describe, expect, it } from 'vitest';
import { HEALTH_GRACE_MS, HEALTH_STALE_MS, playlistFailing, playlistHealth, playlistReason } from './health-plan';

const now = new Date('2026-11-22T04:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('playlistHealth', () => {
  it('is fresh while the playlist is rewritten, whenever the egress started', () => {
    expect(playlistHealth({ now, since: ago(600_000), modifiedAt: ago(2_000) })).toEqual({ state: 'fresh', ageSeconds: 2 });
    expect(playlistHealth({ now, since: ago(1_000), modifiedAt: ago(HEALTH_STALE_MS) }).state).toBe('fresh');
  });

  it('gives a new egress a grace period to write its first playlist', () => {
    expect(playlistHealth({ now, since: ago(8_000), modifiedAt: null })).toEqual({ state: 'starting', ageSeconds: null });
    expect(playlistHealth({ now, since: ago(HEALTH_GRACE_MS - 1), modifiedAt: ago(60_000) }).state).toBe('starting');
  });

  it('reports missing or stale past the grace period', () => {
    expect(playlistHealth({ now, since: ago(HEALTH_GRACE_MS), modifiedAt: null })).toEqual({ state: 'missing', ageSeconds: null });
    expect(playlistHealth({ now, since: ago(60_000), modifiedAt: ago(HEALTH_STALE_MS + 1_000) })).toEqual({
      state: 'stale',
      ageSeconds: 11,
    });
  });

  it('reports storage that did not answer, grace or not', () => {
    expect(playlistHealth({ now, since: ago(1_000), modifiedAt: undefined }).state).toBe('unreachable');
  });

  it('gives reasons only for failing states, naming the channel but no path', () => {
    expect(playlistFailing('starting')).toBe(false);
    expect(playlistFailing('stale')).toBe(true);
    expect(playlistReason('main', { state: 'fresh', ageSeconds: 1 })).toBeNull();
    expect(playlistReason('main', { state: 'stale', ageSeconds: 42 })).toBe(
      'channel "main" is on air but its live playlist was last written 42 s ago',
    );
    expect(playlistReason('main', { state: 'missing', ageSeconds: null })).toContain('does not exist');
  });
});
