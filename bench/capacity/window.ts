// One measuring window of the capacity bench: CPU (CPU-seconds per wall second, 1.0 = one core),
// RSS and PSS of every stack process, grouped into what a cluster sizes separately, with the
// load average over the window and the bench's own CPU (the publishers and listeners).
import { type CpuWindow, type RoleFigures, measureCpu } from '../support/proc-cpu';
import { EGRESS_ROLES, processRole, stackProcesses } from '../support/stack-procs';

export const GROUPS = ['livekit', 'egress', 'app', 'other'] as const;
export type Group = (typeof GROUPS)[number];
export type ByGroup = Record<Group, number>;

export type Point = {
  series: string;
  /** Channels on air, or listeners on the channel. */
  x: number;
  cpu: ByGroup;
  rssMb: ByGroup;
  /** Proportional set size: shared pages split among the processes mapping them. */
  pssMb: ByGroup;
  roles: RoleFigures[];
  load: number[];
  seconds: number;
  generatorCpu: number;
};

export function groupOf(role: string): Group {
  if (role === 'livekit-server') return 'livekit';
  if (EGRESS_ROLES.includes(role)) return 'egress';
  if (role === 'app') return 'app';
  return 'other';
}

const zero = (): ByGroup => ({ livekit: 0, egress: 0, app: 0, other: 0 });

function byGroup(cpu: CpuWindow): { cpu: ByGroup; rssMb: ByGroup; pssMb: ByGroup } {
  const out = { cpu: zero(), rssMb: zero(), pssMb: zero() };
  for (const r of cpu.roles) {
    out.cpu[groupOf(r.role)] += r.cpu;
    out.rssMb[groupOf(r.role)] += r.rssMb;
    out.pssMb[groupOf(r.role)] += r.pssMb;
  }
  return out;
}

/** Measures the stack for `seconds` while this process's participants keep running. */
export async function measurePoint(series: string, x: number, seconds: number): Promise<Point> {
  const [stack, own] = await Promise.all([
    measureCpu(seconds, stackProcesses, processRole),
    measureCpu(
      seconds,
      () => [process.pid],
      () => 'bench',
    ),
  ]);
  return { series, x, ...byGroup(stack), roles: stack.roles, load: stack.load, seconds: stack.seconds, generatorCpu: own.total.cpu };
}
