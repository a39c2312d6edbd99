import { describe, expect, it } from 'vitest';
import { appCosts } from './costs';

describe('appCosts', () => {
  it('splits the windows into idle streams, webhooks and the fan-out of updates', () => {
    // 0.02 cores idle; 1,000 streams add 0.01; 20 webhooks/s add 0.1; with both, 0.31 (so 0.19 of fan-out for 5,000 frames/s).
    const c = appCosts({ base: 0.02, streams: 0.03, hooks: 0.12, both: 0.32 }, 1_000, 20, 5_000);
    expect(c.coresPer1000Idle).toBeCloseTo(0.01);
    expect(c.cpuMsPerWebhook).toBeCloseTo(5);
    expect(c.cpuUsPerFrame).toBeCloseTo(38);
    expect(c.coresPer1000AtOneUpdate).toBeCloseTo(0.01 + 0.038);
  });

  it('never reports a negative cost from noise, nor a frame cost without frames', () => {
    const c = appCosts({ base: 0.05, streams: 0.04, hooks: 0.04, both: 0.03 }, 500, 10, 0);
    expect(c).toEqual({ coresPer1000Idle: 0, cpuMsPerWebhook: 0, cpuUsPerFrame: 0, coresPer1000AtOneUpdate: 0 });
  });
});
