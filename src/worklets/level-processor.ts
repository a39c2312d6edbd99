/**
 * AudioWorklet processor: the console's program bus (src/lib/loudness/bus.ts) between the input
 * and everything downstream (publish, BPM). process() only runs the bus, which allocates nothing;
 * a meter report goes out about 30 times a second. Bundled by scripts/build/bpm-worklet.ts into
 * public/worklets/level-processor.js.
 */
import { ProgramBus } from '../lib/loudness/bus';
import {
  LEVEL_PROCESSOR_NAME,
  REPORT_EVERY_FRAMES,
  type FromLevelProcessor,
  type LevelProcessorOptions,
  type ToLevelProcessor,
} from '../lib/loudness/worklet-protocol';

// AudioWorkletGlobalScope, which TypeScript's DOM library does not describe.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: { processorOptions?: unknown });
}
declare function registerProcessor(name: string, ctor: new (options: { processorOptions?: unknown }) => AudioWorkletProcessor): void;

class LevelProcessor extends AudioWorkletProcessor {
  private readonly bus = new ProgramBus(sampleRate);
  private sinceReport = 0;

  constructor(options: { processorOptions?: unknown }) {
    super(options);
    const opts = options.processorOptions as Partial<LevelProcessorOptions> | undefined;
    if (typeof opts?.trimDb === 'number' && Number.isFinite(opts.trimDb)) this.bus.setTrimDb(opts.trimDb);
    if (opts?.leveller === false) this.bus.setLeveller(false);
    this.port.onmessage = (event: MessageEvent<ToLevelProcessor>) => {
      const msg = event.data;
      if (msg.type === 'trim' && typeof msg.db === 'number' && Number.isFinite(msg.db)) this.bus.setTrimDb(msg.db);
      else if (msg.type === 'leveller') this.bus.setLeveller(msg.on === true);
      else if (msg.type === 'reset-integrated') this.bus.resetIntegrated();
    };
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const out = outputs[0];
    const outL = out?.[0];
    const outR = out?.[1] ?? outL;
    if (!outL || !outR) return true;
    const n = outL.length;
    const input = inputs[0];
    const inL = input?.[0];
    // No input connected yet (or a mono one): silence, or the one channel on both sides.
    if (!inL) {
      outL.fill(0);
      outR.fill(0);
      this.bus.process(outL, outR, outL, outR, n);
    } else {
      this.bus.process(inL, input[1] ?? inL, outL, outR, n);
    }
    this.sinceReport += n;
    if (this.sinceReport >= REPORT_EVERY_FRAMES) {
      this.sinceReport = 0;
      const message: FromLevelProcessor = { type: 'report', ...this.bus.takeReport() };
      this.port.postMessage(message);
    }
    return true;
  }
}

registerProcessor(LEVEL_PROCESSOR_NAME, LevelProcessor);
