/**
 * npm run bench:level-cpu [-- --seconds 120] [--runs 5]
 * CPU cost of the console's level worklet (trim, leveller, true-peak limiter, meters): the bundled
 * processor (public/worklets/level-processor.js as esbuild writes it, into .local) fed 128-frame
 * stereo quanta at 48 kHz as Chromium feeds it, with its outputs. Prints CPU ms per second of
 * audio (process.cpuUsage, a fresh processor per run after one warm-up) and the slowest blocks
 * against the 2.67 ms quantum.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildLevelWorklet } from '../scripts/build/bpm-worklet';
import { syntheticSet } from './bpm/cpu-signal';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, '.local', 'level-cpu');
const RATE = 48_000;
const QUANTUM = 128;

type Processor = { process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean };
type Ctor = new (options: { processorOptions?: unknown }) => Processor;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!(v >= 1)) throw new Error(`${name} must be a number >= 1`);
  return v;
}

async function load(bundle: string): Promise<{ Ctor: Ctor; posted: { count: number } }> {
  const scope = globalThis as unknown as Record<string, unknown>;
  const posted = { count: 0 };
  let ctor: Ctor | null = null;
  scope.sampleRate = RATE;
  scope.AudioWorkletProcessor = class {
    readonly port = { onmessage: null, postMessage: () => void posted.count++ };
  };
  scope.registerProcessor = (_name: string, c: Ctor) => {
    ctor = c;
  };
  await import(pathToFileURL(bundle).href);
  if (!ctor) throw new Error(`${bundle} registered no processor`);
  return { Ctor: ctor, posted };
}

function run(Ctor: Ctor, left: Float32Array, right: Float32Array) {
  const p = new Ctor({ processorOptions: { trimDb: 0, leveller: true } });
  const out = [[new Float32Array(QUANTUM), new Float32Array(QUANTUM)]];
  const blocks = Math.floor(left.length / QUANTUM);
  const blockMs = new Float64Array(blocks);
  const before = process.cpuUsage();
  for (let b = 0; b < blocks; b++) {
    const at = b * QUANTUM;
    const t = performance.now();
    p.process([[left.subarray(at, at + QUANTUM), right.subarray(at, at + QUANTUM)]], out);
    blockMs[b] = performance.now() - t;
  }
  const used = process.cpuUsage(before);
  return { cpuMs: (used.user + used.system) / 1000, seconds: (blocks * QUANTUM) / RATE, blockMs };
}

async function main() {
  const seconds = arg('--seconds', 120);
  const runs = arg('--runs', 5);
  mkdirSync(OUT, { recursive: true });
  const { Ctor, posted } = await load(await buildLevelWorklet(path.join(OUT, 'level-processor.mjs')));
  const audio = syntheticSet(seconds);
  console.log(
    `level worklet CPU, ${new Date().toISOString()}, ${os.cpus()[0]?.model ?? '?'} x${os.cpus().length}, load ${os.loadavg()[0]?.toFixed(2)}, node ${process.version}`,
  );
  console.log(`signal: ${seconds} s synthetic set (bench/bpm/cpu-signal.ts), stereo 48 kHz; ${runs} runs after one warm-up`);
  run(Ctor, audio.left, audio.right);
  const perSecond: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = run(Ctor, audio.left, audio.right);
    const sorted = [...r.blockMs].sort((a, b) => a - b);
    const p99 = sorted[Math.floor(0.99 * sorted.length)] ?? 0;
    perSecond.push(r.cpuMs / r.seconds);
    console.log(
      `run ${i + 1}: ${(r.cpuMs / r.seconds).toFixed(2)} ms CPU per s of audio; block p99 ${(p99 * 1000).toFixed(0)} us, max ${((sorted.at(-1) ?? 0) * 1000).toFixed(0)} us (quantum 2667 us)`,
    );
  }
  const median = [...perSecond].sort((a, b) => a - b)[Math.floor(perSecond.length / 2)] ?? Number.NaN;
  console.log(
    `median: ${median.toFixed(2)} ms CPU per s of audio = ${(median / 10).toFixed(2)}% of one core; ${posted.count} reports posted`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
