import { describe, expect, it } from 'vitest';
import { busyRatio, cpuTimes } from './host-cpu';

const cpu = (user: number, idle: number) => ({ times: { user, nice: 0, sys: 0, idle, irq: 0 } });

describe('host CPU', () => {
  it('sums busy and total time over every core', () => {
    expect(cpuTimes([cpu(10, 30), cpu(20, 40)])).toEqual({ busy: 30, total: 100 });
  });

  it('gives the busy share between two readings, none without an interval', () => {
    expect(busyRatio(null, { busy: 1, total: 2 })).toBeNull();
    expect(busyRatio({ busy: 30, total: 100 }, { busy: 30, total: 100 })).toBeNull();
    expect(busyRatio({ busy: 30, total: 100 }, { busy: 110, total: 200 })).toBe(0.8);
  });
});
