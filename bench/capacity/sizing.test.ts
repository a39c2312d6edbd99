import { describe, expect, it } from 'vitest';
import { PLAN, concurrency, costsFrom, fitSeries, sizeFor } from './sizing';
import type { Point } from './window';

const point = (x: number, livekit: number, egress: number, app: number): Point => ({
  series: 't',
  x,
  cpu: { livekit, egress, app, other: 0.01 },
  rssMb: { livekit: 50 + 2 * x, egress: 80 + 2000 * x, app: 300, other: 10 },
  pssMb: { livekit: 50 + 2 * x, egress: 80 + 1000 * x, app: 300, other: 10 },
  roles: [],
  load: [1],
  seconds: 60,
  generatorCpu: 0,
});

describe('concurrency', () => {
  it('derives average and peak channels on air from broadcasters and hours per week', () => {
    const c = concurrency(PLAN);
    expect(c.average).toBeCloseTo((500 * 40) / 168);
    expect(c.peak).toBe(Math.ceil(c.average * PLAN.peakFactor));
  });
  it('never exceeds every broadcaster at once', () => {
    expect(concurrency({ ...PLAN, peakFactor: 100 }).peak).toBe(500);
  });
});

describe('sizing', () => {
  const on = fitSeries([point(0, 0.01, 0.02, 0.05), point(1, 0.04, 0.14, 0.06), point(2, 0.07, 0.26, 0.07), point(4, 0.13, 0.5, 0.09)]);
  const listeners = fitSeries([point(0, 0.04, 0.14, 0.06), point(10, 0.05, 0.14, 0.06), point(50, 0.09, 0.14, 0.05)]);
  const costs = costsFrom(on, listeners);

  it('takes per-channel and per-listener slopes from the fits (memory from PSS), and a falling one as zero', () => {
    expect(costs.livekit.perChannel).toBeCloseTo(0.03);
    expect(costs.egress.perChannel).toBeCloseTo(0.12);
    expect(costs.livekit.perListener).toBeCloseTo(0.001);
    expect(costs.app.perListener).toBe(0);
    expect(costs.egress.memPerChannelMb).toBeCloseTo(1000);
  });

  it('sizes cores with the utilisation margin, one spare node, and at least two replicas', () => {
    const [lk, eg, app] = sizeFor(300, costs);
    expect(lk?.cores).toBeCloseTo(300 * 0.03 + 3000 * 0.001);
    expect(lk?.sizedCores).toBeCloseTo(12 / 0.6);
    expect(lk?.machines).toBe(Math.ceil(20 / 8) + 1);
    expect(eg?.cores).toBeCloseTo(36);
    expect(eg?.machines).toBe(Math.ceil(60 / 8) + 1);
    expect(eg?.memoryGb).toBeCloseTo(((9 * 80 + 300 * 1000) * 1.5) / 1000);
    expect(app?.machines).toBe(Math.max(2, Math.ceil((300 * 0.01) / 0.6)));
  });
});
