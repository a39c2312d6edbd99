import { describe, expect, it } from 'vitest';
import { type OpenBroadcast, activeForOwner, channelsToSync, HEALTHY_RUN_MS, nextWake, planEgress, retryDelayMs } from './plan';

const now = new Date('2026-11-22T01:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const dj = { identity: 'dj-1', name: 'DJ One' };
const running = (over: Partial<OpenBroadcast> = {}): OpenBroadcast => ({
  id: 'b1',
  egressId: 'EG_1',
  egressStartedAt: ago(5_000),
  attempt: 1,
  failures: 0,
  nextAttemptAt: null,
  hosts: [dj],
  ...over,
});

describe('planEgress', () => {
  it('opens a broadcast and starts attempt 1 when a channel goes on air', () => {
    expect(planEgress({ now, onAir: dj, open: null, activeEgressIds: null })).toEqual([
      { type: 'open_broadcast', host: dj },
      { type: 'start', attempt: 1 },
    ]);
  });

  it('does nothing while a healthy egress runs (duplicate events are no-ops)', () => {
    expect(planEgress({ now, onAir: dj, open: running(), activeEgressIds: null })).toEqual([]);
    expect(planEgress({ now, onAir: dj, open: running(), activeEgressIds: ['EG_1'], playlistModifiedAt: ago(1000) })).toEqual([]);
  });

  it('stops the egress and closes the broadcast when the channel goes off air', () => {
    expect(planEgress({ now, onAir: null, open: running(), activeEgressIds: null })).toEqual([
      { type: 'stop', egressId: 'EG_1' },
      { type: 'close_broadcast' },
    ]);
    expect(planEgress({ now, onAir: null, open: running(), activeEgressIds: ['EG_1'] })).toEqual([
      { type: 'stop', egressId: 'EG_1' },
      { type: 'close_broadcast' },
    ]);
  });

  it('stops egresses left running for an empty channel or not belonging to the broadcast', () => {
    expect(planEgress({ now, onAir: null, open: null, activeEgressIds: ['EG_old'] })).toEqual([{ type: 'stop', egressId: 'EG_old' }]);
    expect(planEgress({ now, onAir: dj, open: running(), activeEgressIds: ['EG_1', 'EG_x'] })).toEqual([
      { type: 'stop', egressId: 'EG_x' },
    ]);
  });

  it('records a lost egress as a failure and restarts at once the first time', () => {
    const steps = planEgress({ now, onAir: dj, open: running(), activeEgressIds: [] });
    expect(steps).toEqual([
      { type: 'fail', egressId: 'EG_1', reason: 'egress is no longer active', failures: 1, retryAt: now },
      { type: 'start', attempt: 2 },
    ]);
  });

  it('does not call an egress lost when it started after the active list was taken', () => {
    const open = running({ egressStartedAt: ago(100) });
    expect(planEgress({ now, onAir: dj, open, activeEgressIds: [], activeSince: ago(1000) })).toEqual([]);
  });

  it('backs off repeated failures and waits for the retry time', () => {
    const steps = planEgress({ now, onAir: dj, open: running({ failures: 2, attempt: 3 }), activeEgressIds: [] });
    expect(steps).toEqual([
      {
        type: 'fail',
        egressId: 'EG_1',
        reason: 'egress is no longer active',
        failures: 3,
        retryAt: new Date(now.getTime() + retryDelayMs(3)),
      },
    ]);
    const waiting = running({ egressId: null, failures: 3, attempt: 3, nextAttemptAt: new Date(now.getTime() + 1000) });
    expect(planEgress({ now, onAir: dj, open: waiting, activeEgressIds: [] })).toEqual([]);
    expect(nextWake(waiting)).toEqual(waiting.nextAttemptAt);
    const due = { ...waiting, nextAttemptAt: now };
    expect(planEgress({ now, onAir: dj, open: due, activeEgressIds: [] })).toEqual([{ type: 'start', attempt: 4 }]);
  });

  it('starts the backoff over after an egress that ran long enough', () => {
    const open = running({ failures: 4, egressStartedAt: ago(HEALTHY_RUN_MS + 1) });
    const [fail] = planEgress({ now, onAir: dj, open, activeEgressIds: [] });
    expect(fail).toMatchObject({ type: 'fail', failures: 1 });
  });

  it('restarts an egress whose live playlist is missing after startup or stale', () => {
    const old = running({ egressStartedAt: ago(60_000), failures: 0 });
    expect(planEgress({ now, onAir: dj, open: old, activeEgressIds: ['EG_1'], playlistModifiedAt: null })).toEqual([
      expect.objectContaining({ type: 'fail', reason: 'no live playlist after startup' }),
      { type: 'stop', egressId: 'EG_1' },
      { type: 'start', attempt: 2 },
    ]);
    expect(planEgress({ now, onAir: dj, open: old, activeEgressIds: ['EG_1'], playlistModifiedAt: ago(20_000) })[0]).toMatchObject({
      reason: 'live playlist is stale',
    });
    // Still starting up: no verdict yet.
    expect(planEgress({ now, onAir: dj, open: running(), activeEgressIds: ['EG_1'], playlistModifiedAt: null })).toEqual([]);
  });

  it('adds a new host to the open broadcast (a handover keeps one broadcast)', () => {
    const next = { identity: 'dj-2', name: 'Two' };
    expect(planEgress({ now, onAir: next, open: running(), activeEgressIds: null })).toEqual([{ type: 'add_host', host: next }]);
  });
});

describe('retryDelayMs', () => {
  it('grows and caps at a minute', () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelayMs)).toEqual([0, 5000, 15000, 30000, 60000, 60000]);
  });
});

describe('a DJ and a replay on one channel (two owners)', () => {
  const replay = { identity: 'replay-c1', name: 'Replay' };
  const replayRow = running({ id: 'replay1', egressId: 'EG_R', hosts: [replay] });

  it("leaves the replay's egress alone while nobody is on air", () => {
    const active = ['EG_R'];
    // Without the other owner's egress taken out, the DJ's plan would stop it as an orphan.
    expect(planEgress({ now, onAir: null, open: null, activeEgressIds: active })).toEqual([{ type: 'stop', egressId: 'EG_R' }]);
    expect(planEgress({ now, onAir: null, open: null, activeEgressIds: activeForOwner(active, 'EG_R') })).toEqual([]);
    expect(planEgress({ now, onAir: replay, open: replayRow, activeEgressIds: activeForOwner(active, null) })).toEqual([]);
  });

  it("ends the replay's HLS and opens the DJ's broadcast when a DJ takes over", () => {
    const active = ['EG_R'];
    expect(planEgress({ now, onAir: null, open: replayRow, activeEgressIds: activeForOwner(active, null) })).toEqual([
      { type: 'stop', egressId: 'EG_R' },
      { type: 'close_broadcast' },
    ]);
    expect(planEgress({ now, onAir: dj, open: null, activeEgressIds: activeForOwner(active, 'EG_R') })).toEqual([
      { type: 'open_broadcast', host: dj },
      { type: 'start', attempt: 1 },
    ]);
  });

  it('still stops a real orphan', () => {
    expect(activeForOwner(['EG_R', 'EG_X'], 'EG_R')).toEqual(['EG_X']);
    expect(activeForOwner(null, 'EG_R')).toBeNull();
  });
});

describe('channelsToSync', () => {
  const idle = (id: string) => ({ id, liveIdentity: null, replaySessionId: null });
  const none = () => false;

  it('skips channels that want no egress, run none and have no open row', () => {
    expect(channelsToSync([idle('a'), idle('b')], new Set(), none)).toEqual([]);
  });

  it('syncs a channel on air, one replaying, one with an open row and one with an egress running', () => {
    const channels = [
      { id: 'dj', liveIdentity: 'dj-1', replaySessionId: null },
      { id: 'replay', liveIdentity: null, replaySessionId: 's1' },
      idle('closing'),
      idle('orphan'),
      idle('quiet'),
    ];
    const due = channelsToSync(channels, new Set(['closing']), (id) => id === 'orphan');
    expect([...due].sort()).toEqual(['closing', 'dj', 'orphan', 'replay']);
  });

  it('keeps the open row of a channel deleted since, once', () => {
    expect(channelsToSync([{ id: 'a', liveIdentity: 'x', replaySessionId: null }], new Set(['gone', 'a']), none).sort()).toEqual([
      'a',
      'gone',
    ]);
  });
});
