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
  /** The last frame's flux per band (same weighting as `value`, which is their mean). */
  readonly bands: Float64Array;

  private readonly ring: Float64Array;
  private ringPos = 0;
  private sinceHop = 0;
  private readonly frame: Float64Array;
  private readonly window: Float64Array;
  private readonly fft: RealFft;
  /** Per bin, 1 + the compressed magnitude of the previous frame (the argument of its log). */
  private readonly prev: Float64Array;
  /** Bands as bin ranges [lo, hi) and the weight of each of their bins. */
  private readonly bandLo: Int32Array;
  private readonly bandHi: Int32Array;
  private readonly bandWeight: Float64Array;
  private readonly lastBin: number;
  private readonly norm: number;

  constructor(sampleRate: number) {
    if (!(sampleRate >= 4000 && sampleRate <= 768000)) throw new RangeError(`unsupported sample rate ${sampleRate}`);
    this.frameSize = nextPow2(Math.round(sampleRate * 0.016));
    this.hop = this.frameSize / 4;
    this.frameRate = sampleRate / this.hop;
    this.ring = new Float64Array(this.frameSize * 2);
    this.frame = new Float64Array(this.frameSize);
    this.window = new Float64Array(this.frameSize);
    for (let i = 0; i < this.frameSize; i++) this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / this.frameSize);
    this.fft = new RealFft(this.frameSize);
    const bins = this.frameSize / 2;
    this.prev = new Float64Array(bins + 1).fill(1);
    const hzPerBin = sampleRate / this.frameSize;
    const nyquist = sampleRate / 2;
    const firstBin = Math.max(1, Math.ceil((BAND_EDGES[0] ?? 30) / hzPerBin));
    const lo: number[] = [];
    const hi: number[] = [];
    for (let b = 0; b + 1 < BAND_EDGES.length; b++) {
      const l = Math.max(firstBin, Math.ceil((BAND_EDGES[b] ?? 0) / hzPerBin));
      const h = Math.min(bins, Math.ceil(Math.min(BAND_EDGES[b + 1] ?? 0, nyquist * 0.95) / hzPerBin));
      if (h <= l) continue;
      lo.push(l);
      hi.push(h);
    }
    this.bandLo = Int32Array.from(lo);
    this.bandHi = Int32Array.from(hi);
    this.bandWeight = Float64Array.from(lo, (l, b) => 1 / ((hi[b] ?? 0) - l));
    this.lastBin = hi.at(-1) ?? firstBin;
    this.norm = 1 / Math.max(1, lo.length);
    this.bands = new Float64Array(lo.length);
  }

  /**
   * Consume samples up to the next hop boundary. Returns how many were consumed; when a hop
   * completed, `frameReady` is true and `value`/`rms` hold the new frame.
   */
  write(samples: ArrayLike<number>, offset: number, count: number): number {
    const n = Math.min(count, this.hop - this.sinceHop);
    const size = this.frameSize;
    const ring = this.ring;
    let pos = this.ringPos;
    for (let i = 0; i < n; i++) {
      const x = samples[offset + i] ?? 0;
      ring[pos] = x;
      ring[pos + size] = x;
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
    const ring = this.ring;
    const frame = this.frame;
    const window = this.window;
    let energy = 0;
    // The ring is stored twice over, so the frame (oldest first) is one contiguous run.
    for (let i = 0, p = this.ringPos; i < size; i++, p++) {
      const x = ring[p] ?? 0;
      energy += x * x;
      frame[i] = x * (window[i] ?? 0);
    }
    this.rms = Math.sqrt(energy / size);
    this.fft.forward(frame, this.lastBin);
    const s = this.fft.spectrum;
    // A full-scale sine peaks near size/4 after the Hann window.
    const scale = COMPRESSION / (size / 4);
    const prev = this.prev;
    let flux = 0;
    // Rectified flux of log(1 + scale|X|): the sum of a band's rising log differences is the log of
    // the product of its rising ratios, so one log per band replaces one per bin.
    for (let b = 0; b < this.bandLo.length; b++) {
      const end = this.bandHi[b] ?? 0;
      let product = 1;
      let logs = 0;
      for (let k = this.bandLo[b] ?? 0; k < end; k++) {
        const re = s[2 * k] ?? 0;
        const im = s[2 * k + 1] ?? 0;
        const v = 1 + scale * Math.sqrt(re * re + im * im);
        const before = prev[k] ?? 1;
        prev[k] = v;
        if (v > before) {
          product *= v / before;
          // A ratio of real input is far below 1e100 (a full-scale sine reads 101): flush long before overflow.
          if (product > 1e200) {
            logs += Math.log(product);
            product = 1;
          }
        }
      }
      const band = (logs + Math.log(product)) * (this.bandWeight[b] ?? 0);
      this.bands[b] = band;
      flux += band;
    }
    this.value = flux * this.norm;
  }
}
