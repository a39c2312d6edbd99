import { beforeAll, describe, expect, it } from 'vitest';
import type { FromLevelProcessor, ToLevelProcessor } from '@/lib/loudness/worklet-protocol';
import { sine } from '@/lib/loudness/signals.test-support';

/** A stand-in for AudioWorkletGlobalScope: the processor module registers itself into it. */
type Processor = { process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean; port: FakePort };
class FakePort {
  sent: FromLevelProcessor[] = [];
  onmessage: ((e: { data: ToLevelProcessor }) => void) | null = null;
  postMessage(m: FromLevelProcessor) {
    this.sent.push(m);
  }
}
const scope = globalThis as unknown as Record<string, unknown>;
let Ctor: new (o: { processorOptions?: unknown }) => Processor;

beforeAll(async () => {
  scope.sampleRate = 48_000;
  scope.AudioWorkletProcessor = class {
    port = new FakePort();
  };
  scope.registerProcessor = (name: string, c: typeof Ctor) => {
    expect(name).toBe('level-processor');
    Ctor = c;
  };
  await import('./level-processor');
});

function play(p: Processor, signal: Float32Array, channels = 2) {
  const out = [new Float32Array(128), new Float32Array(128)];
  for (let i = 0; i + 128 <= signal.length; i += 128) {
    const block = signal.subarray(i, i + 128);
    expect(p.process([Array.from({ length: channels }, () => block)], [out])).toBe(true);
  }
  return out;
}

describe('level-processor (AudioWorklet)', () => {
  it('reports about 30 times a second and takes trim and leveller from the main thread', () => {
    const p = new Ctor({ processorOptions: { trimDb: 0, leveller: false } });
    play(p, sine(997, -20, 1));
    expect(p.port.sent.length).toBeGreaterThanOrEqual(30);
    expect(p.port.sent.length).toBeLessThanOrEqual(32);
    expect(p.port.sent.at(-1)?.outputPeakDb[0]).toBeCloseTo(-20, 0);
    p.port.onmessage?.({ data: { type: 'trim', db: 6 } });
    play(p, sine(997, -20, 0.5));
    expect(p.port.sent.at(-1)?.outputPeakDb[1]).toBeCloseTo(-14, 0);
    expect(p.port.sent.at(-1)?.levellerOn).toBe(false);
    p.port.onmessage?.({ data: { type: 'leveller', on: true } });
    play(p, sine(997, -20, 0.2));
    expect(p.port.sent.at(-1)?.levellerOn).toBe(true);
  });

  it('plays a mono input on both sides, outputs silence without input, ignores malformed messages', () => {
    const p = new Ctor({});
    p.port.onmessage?.({ data: { type: 'trim', db: Number.NaN } });
    const out = play(p, sine(997, -20, 0.5), 1);
    expect(out[1]).toEqual(out[0]);
    expect(Math.max(...out[1]!.map(Math.abs))).toBeGreaterThan(0.05);
    const silent = [new Float32Array(128), new Float32Array(128)];
    expect(p.process([[]], [silent])).toBe(true);
    expect(Math.max(...silent[0]!.map(Math.abs))).toBeLessThan(0.2); // the delay line drains
  });
});
