/**
 * npm run bench:bpm-cpu [-- --seconds 180] [--runs 5] [--wav FILE] [--baseline GIT_REF] [--no-instructions] [--chromium]
 * CPU cost of the BPM worklet: the bundled processor (bench/bpm/cpu-run.ts) fed 128-frame stereo
 * quanta at 48 kHz, as Chromium feeds it. Prints CPU ms per second of audio (process.cpuUsage, a
 * fresh processor per run after one warm-up), block wall times against the 2.67 ms quantum, and
 * instructions per second of audio (bench/bpm/cpu-count.ts). `--baseline REF` bundles the worklet
 * as it was at that git ref too and alternates runs of the two, so both see the same load.
 * `--chromium` also renders the synthetic set through each bundle in Chromium (bench/bpm/cpu-chromium.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeWav } from '../src/lib/wav';
import { buildBpmWorklet } from '../scripts/build/bpm-worklet';
import { chromiumCost } from './bpm/cpu-chromium';
import { buildChild, counter, instructionsPerSecond, INSTRUCTION_SECONDS } from './bpm/cpu-count';
import { feed, loadProcessor, posted, quanta, type ProcessorCtor } from './bpm/cpu-run';
import { syntheticSet, type Stereo } from './bpm/cpu-signal';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, '.local', 'bpm-cpu');

function args() {
  const a = process.argv.slice(2);
  const value = (name: string) => {
    const i = a.indexOf(name);
    return i >= 0 ? a[i + 1] : undefined;
  };
  const runs = Number(value('--runs') ?? 5);
  const seconds = Number(value('--seconds') ?? 180);
  if (!(runs >= 1 && seconds >= 10)) throw new Error('--runs must be >= 1 and --seconds >= 10');
  return {
    seconds,
    runs,
    wav: value('--wav'),
    baseline: value('--baseline'),
    instructions: !a.includes('--no-instructions'),
    chromium: a.includes('--chromium'),
  };
}

const median = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)] ?? Number.NaN;
const quantile = (v: Float64Array, q: number) =>
  [...v].sort((x, y) => x - y)[Math.min(v.length - 1, Math.floor(q * v.length))] ?? Number.NaN;

/** The worklet as it was at `ref` (its src/lib/bpm and src/worklets), bundled like the current one. */
async function bundleAt(ref: string): Promise<string> {
  const dir = path.join(OUT, `ref-${ref.replace(/[^\w.-]/g, '_')}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = path.join(dir, 'src.tar');
  execFileSync('git', ['archive', '--output', tar, ref, 'src/lib/bpm', 'src/worklets'], { cwd: ROOT });
  execFileSync('tar', ['-xf', tar, '-C', dir]);
  return buildBpmWorklet(path.join(dir, 'bpm-processor.mjs'), path.join(dir, 'src', 'worklets', 'bpm-processor.ts'));
}

function loadAudio(wav: string | undefined, seconds: number): { audio: Stereo; source: string } {
  if (!wav) return { audio: syntheticSet(seconds), source: `${seconds} s synthetic set (bench/bpm/cpu-signal.ts), stereo 48 kHz` };
  const d = decodeWav(readFileSync(wav));
  return {
    audio: { left: d.mono, right: d.mono, sampleRate: d.sampleRate },
    source: `${wav} (${(d.mono.length / d.sampleRate).toFixed(0)} s, ${d.sampleRate} Hz)`,
  };
}

type Subject = {
  name: string;
  bundle: string;
  ctor: ProcessorCtor;
  cpu: number[];
  p999: number[];
  worst: number;
  instructions: number | null;
};

/** The printed figures: per subject, Chromium's cost when asked, and current against the baseline. */
async function report(
  subjects: Subject[],
  bundles: [string, string][],
  opts: ReturnType<typeof args>,
  tool: string | null,
  sampleRate: number,
): Promise<void> {
  const quantumMs = (128 / sampleRate) * 1000;
  for (const s of subjects) {
    const m = median(s.cpu);
    console.log(
      `\n${s.name}: CPU median ${m.toFixed(2)} ms per s of audio (${(m / 10).toFixed(2)}% of one core), min ${Math.min(...s.cpu).toFixed(2)}, max ${Math.max(...s.cpu).toFixed(2)}`,
    );
    console.log(
      `${s.name}: block wall time p99.9 ${median(s.p999).toFixed(3)} ms, worst ${s.worst.toFixed(3)} ms (a quantum lasts ${quantumMs.toFixed(2)} ms)`,
    );
    if (s.instructions !== null)
      console.log(
        `${s.name}: ${(s.instructions / 1e6).toFixed(1)} M instructions per s of audio (${tool}, ${INSTRUCTION_SECONDS} s synthetic set, 3 passes minus 1)`,
      );
  }
  if (opts.instructions && !tool) console.log('instructions: no perf counter or valgrind here');
  if (opts.chromium) {
    const cost = await chromiumCost(bundles, opts.seconds, opts.runs);
    console.log(
      `\nChromium (/usr/bin/chromium, OfflineAudioContext 48 kHz, ${opts.seconds} s, ${opts.runs} runs; render time with the processor minus without, module load and JIT warm-up included):`,
    );
    for (const r of cost)
      console.log(`${r.name}: median ${r.msPerSecond.toFixed(2)} ms per s of audio (runs ${r.runs.map((v) => v.toFixed(2)).join(', ')})`);
  }
  const [base, current] = subjects.length === 2 ? subjects : [null, subjects[0]];
  if (base && current) {
    // A signed change reads either way: "3% more", "12% less".
    const change = (now: number, before: number, more: string, less: string) => {
      const pct = Math.round((now / before - 1) * 100);
      return pct === 0 ? 'the same' : `${Math.abs(pct)}% ${pct > 0 ? more : less}`;
    };
    const ins =
      base.instructions && current.instructions ? `, instructions ${change(current.instructions, base.instructions, 'more', 'fewer')}` : '';
    console.log(`\ncurrent vs ${base.name}: CPU ${change(median(current.cpu), median(base.cpu), 'more', 'less')}${ins}`);
  }
}

async function main(): Promise<void> {
  const opts = args();
  mkdirSync(OUT, { recursive: true });
  const { audio, source } = loadAudio(opts.wav, opts.seconds);
  const bundles: [string, string][] = [['current', await buildBpmWorklet(path.join(OUT, 'bpm-processor.mjs'))]];
  if (opts.baseline) bundles.unshift([opts.baseline, await bundleAt(opts.baseline)]);
  const subjects: Subject[] = [];
  for (const [name, bundle] of bundles) {
    subjects.push({ name, bundle, ctor: await loadProcessor(bundle, audio.sampleRate), cpu: [], p999: [], worst: 0, instructions: null });
  }
  const blocks = quanta(audio);
  const load = os.loadavg()[0]?.toFixed(1);
  console.log(`BPM worklet CPU: ${source}; ${opts.runs} runs; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, load ${load}`);
  // Warm-up (JIT), not counted.
  for (const s of subjects) feed(s.ctor, blocks.slice(0, Math.min(blocks.length, 7500)), audio.sampleRate);
  for (let r = 0; r < opts.runs; r++) {
    for (const s of subjects) {
      const res = feed(s.ctor, blocks, audio.sampleRate);
      s.cpu.push(res.cpuMs / res.audioSeconds);
      s.p999.push(quantile(res.blockMs, 0.999));
      s.worst = Math.max(s.worst, quantile(res.blockMs, 1));
      console.log(`run ${r + 1} ${s.name}: ${(res.cpuMs / res.audioSeconds).toFixed(2)} ms CPU per s of audio`);
    }
  }
  if (posted.count === 0) throw new Error('the processor posted no estimate');
  const c = opts.instructions ? counter() : null;
  if (c) {
    const child = await buildChild(OUT);
    for (const s of subjects) s.instructions = await instructionsPerSecond(c, child, s.bundle);
  }
  await report(subjects, bundles, opts, c?.tool ?? null, audio.sampleRate);
  const json = Object.fromEntries(
    subjects.map((s) => [
      s.name,
      {
        cpuMsPerSecond: Number(median(s.cpu).toFixed(3)),
        blockP999Ms: Number(median(s.p999).toFixed(3)),
        instructionsPerSecond: s.instructions && Math.round(s.instructions),
      },
    ]),
  );
  console.log(JSON.stringify(json));
}

main().catch((e: unknown) => {
  console.error(`bench:bpm-cpu: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
