import { describe, expect, it } from 'vitest';
import { type AutoDjState, nextSet, planAutoDj } from './autodj-plan';

const idle: AutoDjState = {
  enabled: true,
  order: 'newest',
  liveKnown: true,
  djOnAir: false,
  replay: null,
  sets: ['s3', 's2', 's1'],
  lastSetId: null,
  cutAt: null,
};
const playing = (over: Partial<NonNullable<AutoDjState['replay']>> = {}): AutoDjState['replay'] => ({
  sessionId: 'rp_1',
  setId: 's3',
  status: 'playing',
  ...over,
});

describe('planAutoDj', () => {
  it('starts the newest set when nobody is on air', () => {
    expect(planAutoDj(idle)).toEqual({ type: 'start', setId: 's3', fromSeconds: 0, replace: null });
  });

  it('never plays while a DJ is on air, when off, or without an archived set', () => {
    expect(planAutoDj({ ...idle, djOnAir: true })).toEqual({ type: 'none' });
    expect(planAutoDj({ ...idle, enabled: false })).toEqual({ type: 'none' });
    expect(planAutoDj({ ...idle, sets: [] })).toEqual({ type: 'none' });
  });

  it('stops the replay when a DJ goes on air (takeover) or AutoDJ is turned off', () => {
    expect(planAutoDj({ ...idle, djOnAir: true, replay: playing() })).toMatchObject({
      type: 'stop',
      sessionId: 'rp_1',
      reason: 'a DJ is on air',
      keepPlace: true,
    });
    expect(planAutoDj({ ...idle, enabled: false, replay: playing() })).toMatchObject({
      type: 'stop',
      reason: 'AutoDJ is off',
      keepPlace: false,
    });
  });

  it('goes on where a DJ cut in once the DJ has left, while the set is public', () => {
    const cut: AutoDjState = { ...idle, lastSetId: 's2', cutAt: 754.2 };
    expect(planAutoDj({ ...cut, djOnAir: true })).toEqual({ type: 'none' });
    expect(planAutoDj(cut)).toEqual({ type: 'start', setId: 's2', fromSeconds: 754.2, replace: null });
    // Hidden since: the next set from its start.
    expect(planAutoDj({ ...cut, sets: ['s3', 's1'] })).toEqual({ type: 'start', setId: 's3', fromSeconds: 0, replace: null });
    // Not cut (it ended, or AutoDJ was turned off): the rotation goes on.
    expect(planAutoDj({ ...cut, cutAt: null })).toEqual({ type: 'start', setId: 's1', fromSeconds: 0, replace: null });
  });

  it('stops a replay whose set was hidden or deleted', () => {
    expect(planAutoDj({ ...idle, sets: ['s2', 's1'], replay: playing() })).toMatchObject({
      type: 'stop',
      reason: 'its set is no longer public or picked',
    });
  });

  it('lets a playing replay run', () => {
    expect(planAutoDj({ ...idle, replay: playing() })).toEqual({ type: 'none' });
  });

  it('moves on to the next set when one ends or is not playing here (a restart, a new lease holder)', () => {
    const next = { type: 'start', setId: 's2', fromSeconds: 0, replace: 'rp_1' };
    expect(planAutoDj({ ...idle, lastSetId: 's3', replay: playing({ status: 'ended' }) })).toEqual(next);
    expect(planAutoDj({ ...idle, lastSetId: 's3', replay: playing({ status: 'missing' }) })).toEqual(next);
  });

  it('changes nothing while the live state is unknown', () => {
    expect(planAutoDj({ ...idle, liveKnown: false })).toEqual({ type: 'none' });
    expect(planAutoDj({ ...idle, liveKnown: false, djOnAir: true, replay: playing() })).toEqual({ type: 'none' });
  });
});

describe('nextSet', () => {
  it('walks newest first and starts over at the end', () => {
    expect(nextSet(['a', 'b', 'c'], null, 'newest')).toBe('a');
    expect(nextSet(['a', 'b', 'c'], 'a', 'newest')).toBe('b');
    expect(nextSet(['a', 'b', 'c'], 'c', 'newest')).toBe('a');
    expect(nextSet(['a', 'b', 'c'], 'gone', 'newest')).toBe('a');
  });

  it('shuffles among the other sets, the same only when there is one', () => {
    expect(nextSet(['a', 'b', 'c'], 'a', 'shuffle', () => 0)).toBe('b');
    expect(nextSet(['a', 'b', 'c'], 'a', 'shuffle', () => 0.999)).toBe('c');
    expect(nextSet(['a'], 'a', 'shuffle', () => 0.5)).toBe('a');
  });
});
