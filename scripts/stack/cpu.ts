// CPU seconds each service of a stack used, printed at teardown so a slow `make test` shows where
// the machine's two cores went (docs/testing.md, "Time budget"). Linux /proc only.
//
// Sampled once a second, process by process, because parents' totals lose work: Chromium's
// renderers are not waited for by the browser process, so their time never reaches its parent.
// A process's last second, and processes shorter than a second, are missed.
import { readFileSync, readdirSync } from 'node:fs';
import type { Service } from './processes';

/** Linux reports these /proc times in USER_HZ, which is 100 on every architecture we run on. */
const TICKS_PER_SECOND = 100;

/** One process: `own` is its user+system time in ticks; `start` tells a reused pid apart. */
export type ProcStat = { pid: number; ppid: number; own: number; start: number };

/** One /proc/<pid>/stat line. */
export function parseStat(line: string): ProcStat | null {
  const close = line.lastIndexOf(')'); // the command name may hold spaces and parentheses
  if (close < 0) return null;
  const pid = Number.parseInt(line, 10);
  const f = line.slice(close + 2).split(' '); // f[0] is field 3 (state)
  const [ppid, utime, stime, start] = [f[1], f[11], f[12], f[19]].map(Number);
  if ([pid, ppid, utime, stime, start].some((n) => n === undefined || Number.isNaN(n))) return null;
  return { pid, ppid: ppid ?? 0, own: (utime ?? 0) + (stime ?? 0), start: start ?? 0 };
}

/** The group of each process: the nearest ancestor (or itself) that `roots` names; others are left out. */
export function groupOf(stats: ProcStat[], roots: Map<number, string>): Map<ProcStat, string> {
  const byPid = new Map(stats.map((s) => [s.pid, s]));
  const out = new Map<ProcStat, string>();
  for (const s of stats) {
    for (let p: ProcStat | undefined = s, hops = 0; p && hops < 64; p = byPid.get(p.ppid), hops++) {
      const name = roots.get(p.pid);
      if (name !== undefined) {
        out.set(s, name);
        break;
      }
    }
  }
  return out;
}

function readStats(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) out.push(stat);
    } catch {
      // The process ended while we listed them.
    }
  }
  return out;
}

/**
 * Samples the CPU of every service's process tree, and of the rest of this harness's descendants
 * ("the tests"), until `line` is called.
 */
export function sampleCpu(services: Service[]): { line: () => string } {
  const last = new Map<string, { group: string; ticks: number }>(); // key: pid and start time
  const sample = () => {
    const roots = new Map<number, string>([[process.pid, 'the tests']]);
    for (const { name, child } of services) if (child.pid) roots.set(child.pid, name);
    for (const [s, group] of groupOf(readStats(), roots)) last.set(`${s.pid}:${s.start}`, { group, ticks: s.own });
  };
  const timer = setInterval(sample, 1000);
  timer.unref();
  return {
    line: () => {
      sample();
      clearInterval(timer);
      const byGroup = new Map<string, number>();
      for (const { group, ticks } of last.values()) byGroup.set(group, (byGroup.get(group) ?? 0) + ticks / TICKS_PER_SECOND);
      const parts = [...byGroup].sort((a, b) => b[1] - a[1]).map(([name, s]) => `${name} ${Math.round(s)}`);
      return `CPU seconds used, sampled each second: ${parts.join(', ')}`;
    },
  };
}
