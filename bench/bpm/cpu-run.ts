/**
 * Runs the bundled worklet (the same esbuild output the browser loads) in Node: the globals of an
 * AudioWorkletGlobalScope are stubbed, and stereo input is fed as 128-frame render quanta, so the
 * measured code is the processor's own process() (downmix + analyser), nothing rewritten.
 */
import { pathToFileURL } from 'node:url';
import type { Stereo } from './cpu-signal';

const QUANTUM = 128;

type Processor = { process(inputs: Float32Array[][]): boolean };
export type ProcessorCtor = new (options: { processorOptions?: unknown }) => Processor;

type WorkletScope = {
  sampleRate: number;
  currentTime: number;
  AudioWorkletProcessor: unknown;
  registerProcessor: (name: string, ctor: ProcessorCtor) => void;
};

/** Messages the processor posted (estimates), to show it ran. */
export const posted = { count: 0 };

export async function loadProcessor(bundle: string, sampleRate: number): Promise<ProcessorCtor> {
  const scope = globalThis as unknown as WorkletScope;
  let ctor: ProcessorCtor | null = null;
  scope.sampleRate = sampleRate;
  scope.currentTime = 0;
  scope.AudioWorkletProcessor = class {
    readonly port = {
      onmessage: null,
      postMessage: () => {
        posted.count++;
      },
    };
  };
  scope.registerProcessor = (_name, c) => {
    ctor = c;
  };
  await import(pathToFileURL(bundle).href);
  if (!ctor) throw new Error(`${bundle} registered no processor`);
  return ctor;
}

/** Input of every render quantum, built once so the feeding loop itself allocates nothing. */
export function quanta(audio: Stereo): Float32Array[][][] {
  const out: Float32Array[][][] = [];
  for (let i = 0; i + QUANTUM <= audio.left.length; i += QUANTUM) {
    out.push([[audio.left.subarray(i, i + QUANTUM), audio.right.subarray(i, i + QUANTUM)]]);
  }
  return out;
}

export type FeedResult = { cpuMs: number; audioSeconds: number; blockMs: Float64Array };

/** One fresh processor over every quantum; CPU time of this process and wall time of each block. */
export function feed(Ctor: ProcessorCtor, blocks: Float32Array[][][], sampleRate: number, timeBlocks = true): FeedResult {
  const scope = globalThis as unknown as WorkletScope;
  const processor = new Ctor({ processorOptions: { range: 'auto' } });
  const blockMs = new Float64Array(timeBlocks ? blocks.length : 0);
  const before = process.cpuUsage();
  for (let b = 0; b < blocks.length; b++) {
    scope.currentTime = (b * QUANTUM) / sampleRate;
    if (timeBlocks) {
      const t = performance.now();
      processor.process(blocks[b] as Float32Array[][]);
      blockMs[b] = performance.now() - t;
    } else {
      processor.process(blocks[b] as Float32Array[][]);
    }
  }
  const used = process.cpuUsage(before);
  return { cpuMs: (used.user + used.system) / 1000, audioSeconds: (blocks.length * QUANTUM) / sampleRate, blockMs };
}
