// The 500-broadcaster sizing of the capacity bench: linear fits of the measured points, and the
// cores and memory they imply for the plan's peak. Pure: no I/O, unit-tested in sizing.test.ts.
import { type LinearFit, linearFit } from '../support/stats';
import { GROUPS, type Group, type Point } from './window';

export type SeriesFit = { cpu: Record<Group, LinearFit>; rssMb: Record<Group, LinearFit>; pssMb: Record<Group, LinearFit> };

/** Per group, CPU (cores), RSS and PSS (MB) against x (channels or listeners), least squares over the points. */
export function fitSeries(points: readonly Point[]): SeriesFit {
  const xs = points.map((p) => p.x);
  const fit = (pick: (p: Point) => number) => linearFit(xs, points.map(pick));
  const per = (what: 'cpu' | 'rssMb' | 'pssMb') =>
    Object.fromEntries(GROUPS.map((g) => [g, fit((p) => p[what][g])])) as Record<Group, LinearFit>;
  return { cpu: per('cpu'), rssMb: per('rssMb'), pssMb: per('pssMb') };
}

/** The plan and the margins the table is sized with (printed with it). */
export const PLAN = {
  broadcasters: 500,
  hoursPerWeek: 40,
  /** Peak over average concurrency: sets bunch up in the evenings (see docs/capacity.md). */
  peakFactor: 2.5,
  webrtcListenersPerChannel: 10,
  /** Cores are sized so the peak uses at most this share of them. */
  targetUtilisation: 0.6,
  /** Cores of one LiveKit node or egress worker; one more node of each is kept spare (N+1). */
  nodeCores: 8,
  memoryMargin: 1.5,
  /** App replicas: at least two; each is one Node process, about one core. */
  minReplicas: 2,
};
export type Plan = typeof PLAN;

export function concurrency(plan: Plan): { average: number; peak: number } {
  const average = (plan.broadcasters * plan.hoursPerWeek) / (7 * 24);
  return { average, peak: Math.min(plan.broadcasters, Math.ceil(average * plan.peakFactor)) };
}

/** Per-unit costs taken from the fits (a negative slope, noise around zero, counts as zero); memory is PSS. */
export type Costs = {
  livekit: { perChannel: number; perListener: number; memPerChannelMb: number; memPerListenerMb: number; memBaseMb: number };
  egress: { perChannel: number; memPerChannelMb: number; memBaseMb: number };
  app: { perChannel: number; perListener: number; memBaseMb: number };
};

const pos = (v: number) => Math.max(0, v);

export function costsFrom(on: SeriesFit, listeners: SeriesFit): Costs {
  return {
    livekit: {
      perChannel: pos(on.cpu.livekit.slope),
      perListener: pos(listeners.cpu.livekit.slope),
      memPerChannelMb: pos(on.pssMb.livekit.slope),
      memPerListenerMb: pos(listeners.pssMb.livekit.slope),
      memBaseMb: pos(on.pssMb.livekit.intercept),
    },
    egress: {
      perChannel: pos(on.cpu.egress.slope),
      memPerChannelMb: pos(on.pssMb.egress.slope),
      memBaseMb: pos(on.pssMb.egress.intercept),
    },
    app: { perChannel: pos(on.cpu.app.slope), perListener: pos(listeners.cpu.app.slope), memBaseMb: pos(on.pssMb.app.intercept) },
  };
}

export type SizingRow = { part: string; cores: number; sizedCores: number; machines: number; memoryGb: number };

/** Cores at full use, cores with the utilisation margin, machines (nodes + 1 spare, or replicas) and memory with its margin. */
export function sizeFor(channels: number, costs: Costs, plan: Plan = PLAN): SizingRow[] {
  const listeners = channels * plan.webrtcListenersPerChannel;
  const nodes = (cores: number) => Math.ceil(cores / plan.targetUtilisation / plan.nodeCores) + 1;
  const gb = (mb: number) => (mb * plan.memoryMargin) / 1000;
  const row = (part: string, cores: number, machines: number, memoryMb: number): SizingRow => ({
    part,
    cores,
    sizedCores: cores / plan.targetUtilisation,
    machines,
    memoryGb: gb(memoryMb),
  });
  const lk = costs.livekit;
  const lkCores = channels * lk.perChannel + listeners * lk.perListener;
  const lkNodes = nodes(lkCores);
  const eg = costs.egress;
  const egCores = channels * eg.perChannel;
  const egNodes = nodes(egCores);
  const appCores = channels * costs.app.perChannel + listeners * costs.app.perListener;
  const replicas = Math.max(plan.minReplicas, Math.ceil(appCores / plan.targetUtilisation));
  return [
    row('LiveKit nodes', lkCores, lkNodes, lkNodes * lk.memBaseMb + channels * lk.memPerChannelMb + listeners * lk.memPerListenerMb),
    row('egress workers', egCores, egNodes, egNodes * eg.memBaseMb + channels * eg.memPerChannelMb),
    row('app replicas', appCores, replicas, replicas * costs.app.memBaseMb),
  ];
}
