// The printed table of bench/egress-cost.ts.
import type { Watch } from './live-playlist';
import { type CpuWindow, loadSummary } from './proc-cpu';

export type PathResult = {
  path: string;
  startToSegmentS: number;
  cpu: CpuWindow;
  handover: Watch & { statusAfter: string; segmentsBefore: number; leftAtMs: number; publishedAtMs: number };
};

const pct = (v: number) => `${(v * 100).toFixed(1)}%`.padStart(7);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function cpuLines(r: PathResult): string[] {
  const lines = [
    `-- ${r.path}: ${r.cpu.seconds.toFixed(0)} s window, ${loadSummary(r.cpu.load)}; start -> first segment ${r.startToSegmentS.toFixed(1)} s`,
    `   ${'process'.padEnd(22)} ${'n'.padStart(3)} ${'CPU (1 core=100%)'.padStart(18)} ${'RSS MB'.padStart(8)}`,
  ];
  for (const x of [...r.cpu.roles, r.cpu.total]) {
    lines.push(`   ${x.role.padEnd(22)} ${String(x.processes).padStart(3)} ${pct(x.cpu).padStart(18)} ${x.rssMb.toFixed(0).padStart(8)}`);
  }
  return lines;
}

function handoverLines(r: PathResult): string[] {
  const h = r.handover;
  const after = h.segments.filter((x) => x.firstSeenMs > h.publishedAtMs);
  const durations = h.segments.map((x) => x.duration);
  return [
    `   handover: A left at ${s(h.leftAtMs)}, B published at ${s(h.publishedAtMs)} (watch start = 0)`,
    `   live playlist: ${h.segmentsBefore} segments listed before; ${h.segments.length} distinct segments seen in ${30} s, ${after.length} new after B published;` +
      ` last growth at ${s(h.lastGrowthMs)}; longest pause between rewrites ${s(h.longestPauseMs)}`,
    `   #EXT-X-ENDLIST: ${h.ended ? 'yes (playlist ended)' : 'no'}; #EXT-X-DISCONTINUITY: ${h.discontinuities}; segment durations ${Math.min(...durations).toFixed(3)}-${Math.max(...durations).toFixed(3)} s`,
    `   egress status after the handover: ${h.statusAfter}`,
  ];
}

export function formatReport(results: PathResult[], host: string, measureS: number): string {
  const head = [
    '== Egress cost per channel: one channel on air, audio-only HLS (AAC 128 kb/s, 2 s segments) to MinIO ==',
    `egress v1.8.6 (egress-avenc-v1.8.6 test build); publisher: rtc-node tone; CPU from /proc/<pid>/stat over >= ${measureS} s;`,
    'RSS summed over processes (shared pages counted once per process: an upper bound). PulseAudio is the stack daemon egress uses.',
    host,
  ];
  const table = [
    '',
    `${'path'.padEnd(18)} ${'egress+handler'.padStart(15)} ${'chromium+xvfb'.padStart(13)} ${'pulseaudio'.padStart(11)} ${'total'.padStart(8)} ${'RSS MB'.padStart(7)}  handover`,
  ];
  for (const r of results) {
    const cpu = (role: (n: string) => boolean) => r.cpu.roles.filter((x) => role(x.role)).reduce((a, x) => a + x.cpu, 0);
    const browser = (n: string) => n === 'chromium' || n === 'xvfb';
    const keeps = !r.handover.ended && r.handover.segments.some((x) => x.firstSeenMs > r.handover.publishedAtMs + 2_000);
    table.push(
      `${r.path.padEnd(18)} ${pct(cpu((n) => n.startsWith('egress') || n.startsWith('handler'))).padStart(15)} ${pct(cpu(browser)).padStart(13)} ${pct(cpu((n) => n === 'pulseaudio')).padStart(11)} ${pct(r.cpu.total.cpu).padStart(8)} ${r.cpu.total.rssMb.toFixed(0).padStart(7)}  ${keeps ? 'one playlist continues' : 'playlist ends: needs a new egress'}`,
    );
  }
  return [...head, ...table, '', ...results.flatMap((r) => [...cpuLines(r), ...handoverLines(r)]), ''].join('\n');
}
