import { describe, expect, it } from 'vitest';
import { descendants, procStat, pssMb } from './proc-cpu';

describe('procStat', () => {
  it('reads this process: its parent, CPU ticks and resident memory', () => {
    const s = procStat(process.pid);
    expect(s?.ppid).toBe(process.ppid);
    expect(s?.ticks).toBeGreaterThanOrEqual(0);
    expect(s?.rssBytes).toBeGreaterThan(1e6);
  });
  it('answers null for a process that does not exist', () => {
    expect(procStat(2 ** 22 + 1)).toBeNull();
  });
});

describe('descendants', () => {
  it("finds this process among its parent's descendants, and not among its own", () => {
    expect(descendants([process.ppid])).toContain(process.pid);
    expect(descendants([process.pid])).toEqual([process.pid]);
  });
});

describe('pssMb', () => {
  it('reads the proportional set size of this process, and 0 for one that does not exist', () => {
    expect(pssMb(process.pid)).toBeGreaterThan(1);
    expect(pssMb(2 ** 22 + 1)).toBe(0);
  });
});
