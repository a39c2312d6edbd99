import { describe, expect, it } from 'vitest';
import { type ProcStat, groupOf, parseStat } from './cpu';

// Fields 14-15 are utime and stime, 22 the start time (proc(5)).
const stat = (pid: number, comm: string, ppid: number, utime: number, stime: number, start = 5000) =>
  `${pid} (${comm}) S ${ppid} 1 1 0 -1 4194560 100 0 0 0 ${utime} ${stime} 7 8 20 0 1 0 ${start} 0 0`;

describe('parseStat', () => {
  it('reads parent, own time and start, whatever the command name holds', () => {
    expect(parseStat(stat(42, 'egress (run) x', 7, 150, 50, 1234))).toEqual({ pid: 42, ppid: 7, own: 200, start: 1234 });
    expect(parseStat('garbage')).toBeNull();
  });
});

describe('groupOf', () => {
  it('puts each process in its nearest named ancestor, and leaves strangers out', () => {
    const stats = [
      stat(10, 'harness', 1, 1, 1),
      stat(11, 'egress', 10, 1, 1),
      stat(12, 'chrome', 11, 1, 1),
      stat(13, 'renderer', 12, 1, 1),
      stat(20, 'playwright', 10, 1, 1),
      stat(30, 'elsewhere', 1, 1, 1),
    ].flatMap((l) => parseStat(l) ?? []);
    const groups = groupOf(
      stats,
      new Map([
        [10, 'the tests'],
        [11, 'egress'],
      ]),
    );
    const named = (pid: number) => groups.get(stats.find((s) => s.pid === pid) as ProcStat);
    expect([10, 11, 12, 13, 20, 30].map(named)).toEqual(['the tests', 'egress', 'egress', 'egress', 'the tests', undefined]);
  });
});
