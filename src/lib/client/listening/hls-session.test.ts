import { describe, expect, it } from 'vitest';
import { delayMoved, recoveryFor, STALL_MS, watchdogStep } from './hls-session';

describe('recoveryFor', () => {
  it('repairs media errors in place', () => {
    expect(recoveryFor('media', 0)).toBe('repair-media');
  });
  it('reloads fragments on the first three network failures, then rebuilds', () => {
    expect([1, 2, 3, 4].map((n) => recoveryFor('network', n))).toEqual([
      'reload-fragments',
      'reload-fragments',
      'reload-fragments',
      'rebuild',
    ]);
  });
  it('rebuilds on any other fatal error', () => {
    expect(recoveryFor('other', 0)).toBe('rebuild');
  });
});

describe('delayMoved', () => {
  it('reports unknown values and moves over 50 ms only', () => {
    expect(delayMoved(null, 3_000)).toBe(true);
    expect(delayMoved(3_000, null)).toBe(true);
    expect(delayMoved(3_000, 3_040)).toBe(false);
    expect(delayMoved(3_000, 3_060)).toBe(true);
  });
});

describe('watchdogStep', () => {
  const last = { time: 10, progressAt: 0 };
  it('counts playback progress and resets the stall clock', () => {
    expect(watchdogStep(last, { time: 11, paused: false, now: 1_000, hasUrl: true })).toEqual({
      last: { time: 11, progressAt: 1_000 },
      progressed: true,
      stalled: false,
    });
  });
  it('treats a paused element as not stuck', () => {
    expect(watchdogStep(last, { time: 10, paused: true, now: STALL_MS + 1, hasUrl: true })).toMatchObject({
      progressed: false,
      stalled: false,
    });
  });
  it('reports a stall after STALL_MS without progress, once per STALL_MS', () => {
    expect(watchdogStep(last, { time: 10, paused: false, now: STALL_MS, hasUrl: true }).stalled).toBe(false);
    const step = watchdogStep(last, { time: 10, paused: false, now: STALL_MS + 1, hasUrl: true });
    expect(step).toEqual({ last: { time: 10, progressAt: STALL_MS + 1 }, progressed: false, stalled: true });
  });
  it('never reports a stall while there is no playlist', () => {
    expect(watchdogStep(last, { time: 10, paused: false, now: STALL_MS * 3, hasUrl: false }).stalled).toBe(false);
  });
});
