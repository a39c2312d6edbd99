import { describe, expect, it } from 'vitest';
import { planObsTempo, type ObsSet } from './obs-plan';

const set = (channelId: string, trackSid = 'TR_a', identity = 'ingress-rtmp-u1'): ObsSet => ({ channelId, identity, trackSid });
const running = (s: ObsSet, ended = false) => ({ ...s, ended });

describe('planObsTempo', () => {
  it('starts one analyser per OBS set and keeps running ones', () => {
    expect(planObsTempo([set('a'), set('b')], [], true)).toEqual({ stop: [], start: [set('a'), set('b')] });
    expect(planObsTempo([set('a')], [running(set('a'))], true)).toEqual({ stop: [], start: [] });
  });

  it('stops an analyser whose set ended or whose channel went off air', () => {
    expect(planObsTempo([], [running(set('a'))], true)).toEqual({ stop: ['a'], start: [] });
    expect(planObsTempo([set('a')], [running(set('a'), true)], true)).toEqual({ stop: ['a'], start: [set('a')] });
  });

  it('replaces an analyser when the channel is live with another OBS track or input', () => {
    expect(planObsTempo([set('a', 'TR_b')], [running(set('a'))], true)).toEqual({ stop: ['a'], start: [set('a', 'TR_b')] });
    const whip = set('a', 'TR_a', 'ingress-whip-u1');
    expect(planObsTempo([whip], [running(set('a'))], true)).toEqual({ stop: ['a'], start: [whip] });
  });

  it('never plans two analysers for one channel', () => {
    expect(planObsTempo([set('a'), set('a', 'TR_b')], [running(set('a'))], true)).toEqual({ stop: [], start: [] });
    expect(planObsTempo([set('a'), set('a', 'TR_b')], [], true).start).toEqual([set('a')]);
    // A replacement: the old analyser is stopped in the same plan that starts the new one.
    const plan = planObsTempo([set('a', 'TR_b')], [running(set('a'))], true);
    expect(plan.stop).toEqual(['a']);
  });

  it('while live state is unknown, only drops ended analysers and starts none', () => {
    expect(planObsTempo([], [running(set('a'))], false)).toEqual({ stop: [], start: [] });
    expect(planObsTempo([set('a')], [running(set('a'), true)], false)).toEqual({ stop: ['a'], start: [] });
    expect(planObsTempo([set('b')], [], false)).toEqual({ stop: [], start: [] });
  });
});
