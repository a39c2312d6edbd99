// CPU and memory of a process tree from /proc (Linux): CPU-seconds of utime+stime per second
// of wall time for each process, grouped by role, sampled every second so processes that start
// or end inside the window are counted too. Per-process CPU time is robust under other load.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_S = 100; // getconf CLK_TCK on Linux x86-64
const PAGE_BYTES = 4096;

type Stat = { ppid: number; ticks: number; rssBytes: number };

/** utime+stime and RSS of one process; null once it is gone. */
export function procStat(pid: number): Stat | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) in parentheses: state is field 3.
    const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), rssBytes: Number(f[21]) * PAGE_BYTES };
  } catch {
    return null;
  }
}

export function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
}

/** Every live process whose ancestry includes one of `roots` (the roots included). */
export function descendants(roots: number[]): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = procStat(pid);
    if (s) parent.set(pid, s.ppid);
  }
  const wanted = new Set(roots);
  const out: number[] = [];
  for (const pid of parent.keys()) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (wanted.has(p)) {
        out.push(pid);
        break;
      }
    }
  }
  return out;
}

/** Proportional set size (MB): each shared page divided among the processes that map it; 0 when unreadable. */
export function pssMb(pid: number): number {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return Number(kb ?? 0) / 1000;
  } catch {
    return 0;
  }
}

export type RoleFigures = { role: string; processes: number; cpu: number; rssMb: number; pssMb: number };
export type CpuWindow = { seconds: number; roles: RoleFigures[]; total: RoleFigures; load: number[] };

/**
 * Samples the processes `pids()` returns every second for `seconds`, then reports each role's
 * CPU-seconds per wall second (1.0 = one core) and its RSS at the end (summed, so shared pages
 * of Chromium's processes count more than once: an upper bound) and PSS (shared pages split).
 */
export async function measureCpu(seconds: number, pids: () => number[], role: (pid: number) => string): Promise<CpuWindow> {
  const first = new Map<number, number>();
  const last = new Map<number, Stat>();
  const roles = new Map<number, string>();
  const sample = (initial: boolean) => {
    for (const pid of pids()) {
      const s = procStat(pid);
      if (!s) continue;
      if (!roles.has(pid)) roles.set(pid, role(pid));
      // A process first seen after the start was born inside the window: all its time counts.
      if (!first.has(pid)) first.set(pid, initial ? s.ticks : 0);
      last.set(pid, s);
    }
  };
  const loads: number[] = [];
  const t0 = performance.now();
  sample(true);
  const end = t0 + seconds * 1000;
  while (performance.now() < end) {
    await new Promise((r) => setTimeout(r, Math.min(1000, end - performance.now())));
    sample(false);
    loads.push(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
  }
  const wall = (performance.now() - t0) / 1000;
  const alive = new Set(pids());
  const byRole = new Map<string, RoleFigures>();
  for (const [pid, s] of last) {
    const name = roles.get(pid) ?? 'other';
    const r = byRole.get(name) ?? { role: name, processes: 0, cpu: 0, rssMb: 0, pssMb: 0 };
    r.processes += 1;
    r.cpu += (s.ticks - (first.get(pid) ?? s.ticks)) / TICKS_PER_S / wall;
    if (alive.has(pid)) {
      r.rssMb += s.rssBytes / 1e6;
      r.pssMb += pssMb(pid);
    }
    byRole.set(name, r);
  }
  const list = [...byRole.values()].sort((a, b) => a.role.localeCompare(b.role));
  const total = list.reduce(
    (t, r) => ({ ...t, processes: t.processes + r.processes, cpu: t.cpu + r.cpu, rssMb: t.rssMb + r.rssMb, pssMb: t.pssMb + r.pssMb }),
    { role: 'total', processes: 0, cpu: 0, rssMb: 0, pssMb: 0 },
  );
  return { seconds: wall, roles: list, total, load: loads };
}

/** The 1-minute load average over a window, as the benches print it beside each figure. */
export function loadSummary(load: number[]): string {
  const mean = load.reduce((a, b) => a + b, 0) / Math.max(1, load.length);
  return `load average (1 min) ${Math.min(...load).toFixed(2)}-${Math.max(...load).toFixed(2)} (mean ${mean.toFixed(2)})`;
}
