import { RealFft, nextPow2 } from './fft';

/** Band edges (Hz) of the spectral flux; every band weighs the same, which favours kick and snare over hats. */
const BAND_EDGES = [30, 150, 400, 1000, 2500, 6000, 11000];
/** Log compression strength: flux follows loudness ratios, not absolute level. */
const COMPRESSION = 100;

/**
 * Onset-strength envelope: band-weighted, log-compressed, half-wave rectified spectral flux of a
 * Hann-windowed STFT (about 21 ms frames, 75% overlap), one value per hop.
 * Frame and hop sizes follow the sample rate, so any rate gives an envelope at ~170-250 Hz.
 */
export class OnsetEnvelope {
  readonly frameSize: number;
  readonly hop: number;
  /** Envelope values per second. */
  readonly frameRate: number;
  /** Last envelope value, valid after `write` returned with `frameReady`. */
  value = 0;
  /** RMS of the last analysis frame (linear, full scale = 1). */
  rms = 0;
  frameReady = false;

  private readonly ring: Float64Array;
  private ringPos = 0;
  private sinceHop = 0;
  private readonly frame: Float64Array;
  private readonly window: Float64Array;
  private readonly fft: RealFft;
  private readonly prevLog: Float64Array;
  private readonly binWeight: Float64Array;
  private readonly firstBin: number;
  private readonly lastBin: number;
  private readonly norm: number;

  constructor(sampleRate: number) {
    if (!(sampleRate >= 4000 && sampleRate <= 768000)) throw new RangeError(`unsupported sample rate ${sampleRate}`);
    this.frameSize = nextPow2(Math.round(sampleRate * 0.016));
    this.hop = this.frameSize / 4;
    this.frameRate = sampleRate / this.hop;
    this.ring = new Float64Array(this.frameSize);
    this.frame = new Float64Array(this.frameSize);
    this.window = new Float64Array(this.frameSize);
    for (let i = 0; i < this.frameSize; i++) this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / this.frameSize);
    this.fft = new RealFft(this.frameSize);
    const bins = this.frameSize / 2;
    this.prevLog = new Float64Array(bins + 1);
    this.binWeight = new Float64Array(bins + 1);
    const hzPerBin = sampleRate / this.frameSize;
    const nyquist = sampleRate / 2;
    this.firstBin = Math.max(1, Math.ceil((BAND_EDGES[0] ?? 30) / hzPerBin));
    let last = this.firstBin;
    let bands = 0;
    for (let b = 0; b + 1 < BAND_EDGES.length; b++) {
      const lo = Math.max(this.firstBin, Math.ceil((BAND_EDGES[b] ?? 0) / hzPerBin));
      const hi = Math.min(bins, Math.ceil(Math.min(BAND_EDGES[b + 1] ?? 0, nyquist * 0.95) / hzPerBin));
      if (hi <= lo) continue;
      bands++;
      for (let k = lo; k < hi; k++) this.binWeight[k] = 1 / (hi - lo);
      last = hi;
    }
    this.lastBin = last;
    this.norm = 1 / Math.max(1, bands);
  }

  /**
   * Consume samples up to the next hop boundary. Returns how many were consumed; when a hop
   * completed, `frameReady` is true and `value`/`rms` hold the new frame.
   */
  write(samples: ArrayLike<number>, offset: number, count: number): number {
    const n = Math.min(count, this.hop - this.sinceHop);
    const size = this.frameSize;
    let pos = this.ringPos;
    for (let i = 0; i < n; i++) {
      this.ring[pos] = samples[offset + i] ?? 0;
      pos = pos + 1 === size ? 0 : pos + 1;
    }
    this.ringPos = pos;
    this.sinceHop += n;
    this.frameReady = false;
    if (this.sinceHop === this.hop) {
      this.sinceHop = 0;
      this.analyse();
      this.frameReady = true;
    }
    return n;
  }

  private analyse(): void {
    const size = this.frameSize;
    let energy = 0;
    for (let i = 0, p = this.ringPos; i < size; i++) {
      const x = this.ring[p] ?? 0;
      energy += x * x;
      this.frame[i] = x * (this.window[i] ?? 0);
      p = p + 1 === size ? 0 : p + 1;
    }
    this.rms = Math.sqrt(energy / size);
    this.fft.forward(this.frame);
    const s = this.fft.spectrum;
    // A full-scale sine peaks near size/4 after the Hann window.
    const scale = COMPRESSION / (size / 4);
    let flux = 0;
    for (let k = this.firstBin; k < this.lastBin; k++) {
      const re = s[2 * k] ?? 0;
      const im = s[2 * k + 1] ?? 0;
      const log = Math.log1p(scale * Math.sqrt(re * re + im * im));
      const diff = log - (this.prevLog[k] ?? 0);
      this.prevLog[k] = log;
      if (diff > 0) flux += diff * (this.binWeight[k] ?? 0);
    }
    this.value = flux * this.norm;
  }
}
