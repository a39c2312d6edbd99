/**
 * AudioWorklet processor: the DJ's program signal (stereo bus) -> BpmAnalyzer, block by block.
 * process() downmixes into a preallocated buffer and feeds the analyser, which allocates nothing;
 * the only message is the estimate, about five times a second, never per block.
 * Bundled by scripts/build/bpm-worklet.ts into public/worklets/bpm-processor.js.
 */
import { BpmAnalyzer } from '../lib/bpm/analyzer';
import { isRangePresetId, RANGE_PRESETS } from '../lib/bpm/range';
import { BPM_PROCESSOR_NAME, type BpmProcessorOptions, type FromBpmProcessor, type ToBpmProcessor } from '../lib/bpm/worklet-protocol';

// AudioWorkletGlobalScope, which TypeScript's DOM library does not describe.
declare const sampleRate: number;
declare const currentTime: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: { processorOptions?: unknown });
}
declare function registerProcessor(name: string, ctor: new (options: { processorOptions?: unknown }) => AudioWorkletProcessor): void;

class BpmProcessor extends AudioWorkletProcessor {
  private readonly analyzer: BpmAnalyzer;
  private mono = new Float32Array(128);

  constructor(options: { processorOptions?: unknown }) {
    super(options);
    const opts = options.processorOptions as Partial<BpmProcessorOptions> | undefined;
    const range = opts && isRangePresetId(opts.range) ? RANGE_PRESETS[opts.range] : RANGE_PRESETS.auto;
    this.analyzer = new BpmAnalyzer(sampleRate, { range });
    this.port.onmessage = (event: MessageEvent<ToBpmProcessor>) => {
      const msg = event.data;
      if (msg.type === 'range' && isRangePresetId(msg.range)) this.analyzer.setRange(RANGE_PRESETS[msg.range]);
      else if (msg.type === 'tap') this.analyzer.setTap(typeof msg.bpm === 'number' && Number.isFinite(msg.bpm) ? msg.bpm : null);
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const channels = inputs[0];
    const first = channels?.[0];
    if (!channels || !first) return true;
    const n = first.length;
    // Render quanta are 128 frames today; a larger one (renderSizeHint) reallocates once.
    if (this.mono.length < n) this.mono = new Float32Array(n);
    const mono = this.mono;
    const count = channels.length;
    const second = channels[1];
    // Mono and stereo (the DJ bus) get their own loops: the general one costs a tenth of the analysis.
    if (count === 1) {
      for (let i = 0; i < n; i++) mono[i] = first[i] ?? 0;
    } else if (count === 2 && second) {
      for (let i = 0; i < n; i++) mono[i] = ((first[i] ?? 0) + (second[i] ?? 0)) / 2;
    } else {
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let c = 0; c < count; c++) sum += channels[c]?.[i] ?? 0;
        mono[i] = sum / count;
      }
    }
    if (this.analyzer.process(mono, 0, n)) {
      const e = this.analyzer.estimate;
      // Analyser time runs from the first block; map it onto the context clock.
      const end = currentTime + n / sampleRate;
      const message: FromBpmProcessor = {
        type: 'estimate',
        bpm: e.bpm,
        confidence: e.confidence,
        lastBeat: e.lastBeat < 0 ? -1 : end - (e.time - e.lastBeat),
        at: end,
      };
      this.port.postMessage(message);
    }
    return true;
  }
}

registerProcessor(BPM_PROCESSOR_NAME, BpmProcessor);
