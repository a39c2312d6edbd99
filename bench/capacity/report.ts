// The printed output of the capacity bench: every window with its load average, the linear fits,
// and the 500-broadcaster sizing table.
import { loadSummary } from '../support/proc-cpu';
import type { LinearFit } from '../support/stats';
import type { Dropouts } from './on-air';
import { type Costs, PLAN, type SeriesFit, type SizingRow, concurrency, sizeFor } from './sizing';
import { GROUPS, type Point } from './window';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
/** Slopes per listener are hundredths of a percent. */
const pct2 = (v: number) => `${(v * 100).toFixed(2)}%`;
const mb = (v: number) => `${v.toFixed(0)} MB`;

export function pointLines(p: Point, dropouts?: Dropouts): string[] {
  const groups = GROUPS.map((g) => `${g} ${pct(p.cpu[g])} / ${mb(p.rssMb[g])} / ${mb(p.pssMb[g])}`).join(', ');
  const lines = [
    `-- ${p.series}, x=${p.x}: ${p.seconds.toFixed(0)} s, ${loadSummary(p.load)}`,
    `   CPU (1 core = 100%) / RSS / PSS: ${groups}; the bench's own participants ${pct(p.generatorCpu)}`,
    `   by process: ${p.roles.map((r) => `${r.role} x${r.processes} ${pct(r.cpu)} ${mb(r.rssMb)} (PSS ${mb(r.pssMb)})`).join('; ')}`,
  ];
  if (dropouts) {
    lines.push(
      `   probe listener: ${dropouts.frames} frames of 10 ms, ${dropouts.silent} without the tone (longest run ${dropouts.longestSilentMs} ms), longest wait between frames ${dropouts.maxGapMs} ms`,
    );
  }
  return lines;
}

const fitText = (f: LinearFit, unit: (v: number) => string) =>
  `${unit(f.slope)} each (+ ${unit(f.intercept)} base), R² ${f.r2.toFixed(2)}, ${f.points} points`;

export function fitLines(title: string, unitName: string, fit: SeriesFit): string[] {
  return [
    `${title} (least squares over the windows above; per ${unitName}):`,
    ...GROUPS.map(
      (g) => `   ${g.padEnd(8)} CPU ${fitText(fit.cpu[g], pct2)}; RSS ${fitText(fit.rssMb[g], mb)}; PSS ${fitText(fit.pssMb[g], mb)}`,
    ),
  ];
}

function rowLine(r: SizingRow): string {
  return `   ${r.part.padEnd(34)} ${r.cores.toFixed(1).padStart(6)} ${r.sizedCores.toFixed(1).padStart(8)} ${String(r.machines).padStart(9)} ${r.memoryGb.toFixed(1).padStart(8)} GB`;
}

/** The egress figure expected without Chromium (SDK source): bench:egress-cost's track composite, 2026-12-04. */
const SDK_SOURCE_ESTIMATE = { perChannel: 0.06, memPerChannelMb: 125 };

export function sizingLines(costs: Costs): string[] {
  const c = concurrency(PLAN);
  const sdk = { ...costs, egress: { ...costs.egress, ...SDK_SOURCE_ESTIMATE } };
  const lines = [
    `== Sizing for ${PLAN.broadcasters} broadcasters x ${PLAN.hoursPerWeek} h/week ==`,
    `average on air: ${PLAN.broadcasters} x ${PLAN.hoursPerWeek} h / 168 h = ${c.average.toFixed(0)} channels; peak = average x ${PLAN.peakFactor} = ${c.peak} channels (assumed: sets bunch up in the evenings); also every broadcaster at once: ${PLAN.broadcasters}`,
    `each channel: HLS egress (room composite, egress v1.8.6 as measured) + ${PLAN.webrtcListenersPerChannel} WebRTC listeners; cores sized to run at <= ${PLAN.targetUtilisation * 100}% at that load;`,
    `LiveKit nodes and egress workers of ${PLAN.nodeCores} cores, +1 spare of each; app replicas: one Node process (~1 core) each, at least ${PLAN.minReplicas}; memory: PSS x ${PLAN.memoryMargin}.`,
    `costs used: LiveKit ${pct2(costs.livekit.perChannel)}/channel + ${pct2(costs.livekit.perListener)}/listener; egress ${pct2(costs.egress.perChannel)}/channel, ${mb(costs.egress.memPerChannelMb)} PSS/channel; app ${pct2(costs.app.perChannel)}/channel + ${pct2(costs.app.perListener)}/listener`,
  ];
  for (const channels of [c.peak, PLAN.broadcasters]) {
    lines.push(
      '',
      `${channels} channels on air, ${channels * PLAN.webrtcListenersPerChannel} WebRTC listeners:`,
      `   ${'part'.padEnd(34)} ${'cores'.padStart(6)} ${'sized'.padStart(8)} ${'machines'.padStart(9)} ${'memory'.padStart(11)}`,
      ...sizeFor(channels, costs).map(rowLine),
      rowLine({ ...(sizeFor(channels, sdk)[1] as SizingRow), part: 'egress workers, SDK source (est.)' }),
    );
  }
  return lines;
}
