import { beforeAll, describe, expect, it } from 'vitest';
import { BpmAnalyzer } from '@/lib/bpm/analyzer';
import type { FromBpmProcessor, ToBpmProcessor } from '@/lib/bpm/worklet-protocol';
import { beats, fourOnFloor, render, whiteNoise } from '@/lib/bpm/synth.test-support';

/** A stand-in for AudioWorkletGlobalScope: the processor module registers itself into it. */
type Processor = { process(inputs: Float32Array[][]): boolean; port: FakePort };
class FakePort {
  sent: FromBpmProcessor[] = [];
  onmessage: ((e: { data: ToBpmProcessor }) => void) | null = null;
  postMessage(m: FromBpmProcessor) {
    this.sent.push(m);
  }
}
const scope = globalThis as unknown as Record<string, unknown>;
let Ctor: new (o: { processorOptions?: unknown }) => Processor;

beforeAll(async () => {
  scope.sampleRate = 48_000;
  scope.currentTime = 0;
  scope.AudioWorkletProcessor = class {
    port = new FakePort();
  };
  scope.registerProcessor = (name: string, c: typeof Ctor) => {
    expect(name).toBe('bpm-processor');
    Ctor = c;
  };
  await import('./bpm-processor');
});

/** Run stereo blocks of 128 through the processor as the audio thread would, advancing currentTime. */
function play(p: Processor, signal: Float32Array, startTime: number) {
  for (let i = 0; i + 128 <= signal.length; i += 128) {
    scope.currentTime = startTime + i / 48_000;
    const block = signal.subarray(i, i + 128);
    expect(p.process([[block, block]])).toBe(true);
  }
}

describe('bpm-processor (AudioWorklet)', { timeout: 30_000 }, () => {
  it('posts estimates a few times a second, on the context clock', () => {
    const p = new Ctor({ processorOptions: { range: 'auto' } });
    // The context has been running 100 s before the analysis starts.
    play(p, render(fourOnFloor(128, 0.05, 12), 12, 48_000), 100);
    const sent = p.port.sent;
    expect(sent.length).toBeGreaterThan(50);
    expect(sent.length).toBeLessThan(70); // ~5 per second, never per block
    const last = sent.at(-1) as FromBpmProcessor;
    expect(Math.abs(last.bpm - 128)).toBeLessThan(0.5);
    expect(last.at).toBeCloseTo(112, 1);
    // Beats fall on 100.05 + k * 60/128 s of context time (within 25 ms).
    const period = 60 / 128;
    const offset = (((last.lastBeat - 100.05) % period) + period) % period;
    expect(Math.min(offset, period - offset)).toBeLessThan(0.025);
  });

  it('takes range presets and taps from the main thread', () => {
    const p = new Ctor({ processorOptions: { range: 'auto' } });
    p.port.onmessage?.({ data: { type: 'range', range: '60-120' } });
    const clicks = render(
      beats(174, 0.05, 10).map((time) => ({ time, kind: 'click' as const })),
      10,
      48_000,
    );
    play(p, clicks, 0);
    expect(p.port.sent.at(-1)?.bpm).toBeCloseTo(87, 0);
    p.port.onmessage?.({ data: { type: 'range', range: 'auto' } });
    p.port.onmessage?.({ data: { type: 'tap', bpm: 87 } });
    play(p, clicks, 10);
    expect(p.port.sent.at(-1)?.bpm).toBeCloseTo(87, 0);
  });

  it('ignores malformed messages and an empty input', () => {
    const p = new Ctor({ processorOptions: { range: 'nonsense' } });
    p.port.onmessage?.({ data: { type: 'range', range: 'nonsense' } as unknown as ToBpmProcessor });
    p.port.onmessage?.({ data: { type: 'tap', bpm: Number.NaN } });
    expect(p.process([[]])).toBe(true);
    expect(p.process([])).toBe(true);
    expect(p.port.sent).toHaveLength(0);
  });

  it.each([1, 2, 3])('analyses the mean of %d input channels', (count) => {
    const drums = render(fourOnFloor(124, 0.05, 8), 8, 48_000);
    const noise = whiteNoise(8, 48_000, 0.1);
    const channels = [drums, noise, drums.map((v, i) => 0.5 * v - (noise[i] ?? 0))].slice(0, count);
    const mono = drums.map((_, i) => channels.reduce((sum, c) => sum + (c[i] ?? 0), 0) / count);
    const analyzer = new BpmAnalyzer(48_000);
    const want: number[] = [];
    for (let i = 0; i + 128 <= mono.length; i += 128)
      if (analyzer.process(mono, i, 128)) want.push(analyzer.estimate.bpm, analyzer.estimate.confidence);
    const p = new Ctor({ processorOptions: { range: 'auto' } });
    for (let i = 0; i + 128 <= mono.length; i += 128) p.process([channels.map((c) => c.subarray(i, i + 128))]);
    expect(want.length).toBeGreaterThan(60);
    expect(p.port.sent.flatMap((m) => [m.bpm, m.confidence])).toEqual(want);
  });
});
