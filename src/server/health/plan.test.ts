import { describe, expect, it } from 'vitest';
import { healthVerdict } from './plan';

const ok = { database: true, livekit: true, liveStateKnown: true, hlsReasons: [] };

describe('healthVerdict', () => {
  it("is ok only when the database, LiveKit and the channels' live state are all known good", () => {
    expect(healthVerdict(ok)).toEqual({ status: 'ok', reasons: [] });
  });

  it("is degraded while the channels' live state is unknown (just after a LiveKit restart)", () => {
    const v = healthVerdict({ ...ok, liveStateKnown: false });
    expect(v.status).toBe('degraded');
    expect(v.reasons.join(' ')).toMatch(/live state/i);
  });

  it('is down without a database, degraded without LiveKit or with failing playlists', () => {
    expect(healthVerdict({ ...ok, database: false }).status).toBe('down');
    expect(healthVerdict({ ...ok, livekit: false })).toMatchObject({ status: 'degraded', reasons: ['LiveKit unreachable'] });
    expect(healthVerdict({ ...ok, hlsReasons: ['x: playlist stale'] })).toMatchObject({
      status: 'degraded',
      reasons: ['x: playlist stale'],
    });
  });
});
