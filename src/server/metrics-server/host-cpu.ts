// Host CPU busy ratio from two os.cpus() readings (pure): what the "CPU over 80%" alert
// reads, without a node exporter beside the app.
import type { CpuInfo } from 'node:os';

export type CpuTimes = { busy: number; total: number };

export function cpuTimes(cpus: readonly Pick<CpuInfo, 'times'>[]): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    busy += all - times.idle;
    total += all;
  }
  return { busy, total };
}

/** Busy share of the CPU time between two readings, 0..1; null before there is an interval. */
export function busyRatio(before: CpuTimes | null, after: CpuTimes): number | null {
  if (!before || after.total <= before.total) return null;
  return Math.min(1, Math.max(0, (after.busy - before.busy) / (after.total - before.total)));
}
