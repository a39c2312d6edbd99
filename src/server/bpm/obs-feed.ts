import 'server-only';
import { BpmAnalyzer, RENDER_QUANTUM } from '@/lib/bpm';
import type { BpmReading } from '@/lib/bpm/publish';

/** What the subscriber asks rtc-node's AudioStream for: the worklet's rate, both channels. */
export const OBS_SAMPLE_RATE = 48_000;
export const OBS_CHANNELS = 2;

/**
 * Audio dropped right after subscribing: the receiver's jitter buffer starts up by squeezing and
 * stretching the first second or so (measured here: 134 BPM read from a 128 BPM set at first,
 * 127.9 when that second is skipped, reached no later).
 */
export const SUBSCRIBE_SETTLE_SECONDS = 1;

/** One decoded PCM frame as rtc-node delivers it: interleaved 16-bit. */
export type PcmFrame = { data: Int16Array; channels: number; samplesPerChannel: number };

/**
 * The DJ console worklet's block flow for frames from a LiveKit subscriber: downmix to mono
 * (the mean of the channels), hand the analyser blocks of one render quantum, and time estimates
 * on the wall clock, so an OBS set is analysed exactly as a browser console would analyse it.
 * Nothing allocates per frame.
 */
export class FrameFeeder {
  readonly analyzer: BpmAnalyzer;
  private readonly block = new Float32Array(RENDER_QUANTUM);
  private filled = 0;
  /** Samples per channel received, and of those analysed (the analyser's clock). */
  private received = 0;
  private analysed = 0;
  private readonly skip: number;

  constructor(
    readonly sampleRate = OBS_SAMPLE_RATE,
    skipSeconds = 0,
  ) {
    this.analyzer = new BpmAnalyzer(sampleRate);
    this.skip = Math.round(skipSeconds * sampleRate);
  }

  /** Seconds of audio received so far. */
  get seconds(): number {
    return this.received / this.sampleRate;
  }

  /**
   * Feeds one frame that ended (arrived) at wall-clock `now` (epoch ms). Returns the newest
   * estimate as a reading when the analyser refreshed it during this frame, else null.
   */
  push(frame: PcmFrame, now: number): BpmReading | null {
    const { data, channels, samplesPerChannel } = frame;
    const scale = 1 / (32768 * channels);
    let updated = false;
    const from = Math.min(samplesPerChannel, Math.max(0, this.skip - this.received));
    this.received += samplesPerChannel;
    this.analysed += samplesPerChannel - from;
    for (let i = from; i < samplesPerChannel; i++) {
      let sum = 0;
      for (let c = 0; c < channels; c++) sum += data[i * channels + c] ?? 0;
      this.block[this.filled++] = sum * scale;
      if (this.filled === RENDER_QUANTUM) {
        this.filled = 0;
        if (this.analyzer.process(this.block, 0, RENDER_QUANTUM)) updated = true;
      }
    }
    if (!updated) return null;
    const e = this.analyzer.estimate;
    if (e.bpm <= 0) return { bpm: null, confidence: e.confidence, lastBeat: null, at: now };
    // Analyser time runs from the first sample; `now` is the end of what was received.
    const lastBeat = e.lastBeat < 0 ? null : now - (this.analysed / this.sampleRate - e.lastBeat) * 1000;
    return { bpm: e.bpm, confidence: e.confidence, lastBeat, at: now };
  }
}
