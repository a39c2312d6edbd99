import { RealFft, nextPow2 } from './fft';

/** Pulses summed by the comb: the beat and its next three multiples. */
const COMB = 4;
/** Local-mean window (seconds) removed before rectifying, so only peaks above the local level count. */
const LOCAL_MEAN_SECONDS = 0.12;
const RECENT_SECONDS = 1.5;

/**
 * Autocorrelation tempogram over the last `windowSeconds` of the onset envelope. `update()` computes
 * the normalised autocorrelation (unbiased, 1 at lag 0) with one FFT pair; `score(bpm)` is the comb
 * sum of that autocorrelation at 1..4 beat periods, read with linear interpolation so tempo
 * resolution is not limited to whole envelope frames.
 */
export class Tempogram {
  readonly frameRate: number;
  readonly capacity: number;
  /** Envelope history (ring). */
  readonly history: Float64Array;
  private head = 0;
  private count = 0;
  private readonly fft: RealFft;
  private readonly padded: Float64Array;
  private readonly acf: Float64Array;
  /** Normalised autocorrelation of the last update, by lag in frames. */
  readonly rho: Float64Array;
  /** Frames in the last update's window. */
  length = 0;
  /** Mean of the rectified envelope in the last window (onset density; 0 in silence). */
  meanStrength = 0;
  /** The same over the most recent `RECENT_SECONDS`: drops at once when the drums stop. */
  recentStrength = 0;

  constructor(frameRate: number, windowSeconds: number) {
    this.frameRate = frameRate;
    this.capacity = Math.ceil(frameRate * windowSeconds);
    this.history = new Float64Array(this.capacity);
    const size = nextPow2(this.capacity * 2);
    this.fft = new RealFft(size);
    this.padded = new Float64Array(size);
    this.acf = new Float64Array(size);
    this.rho = new Float64Array(this.capacity);
  }

  push(value: number): void {
    this.history[this.head] = value;
    this.head = this.head + 1 === this.capacity ? 0 : this.head + 1;
    if (this.count < this.capacity) this.count++;
  }

  get frames(): number {
    return this.count;
  }

  /** Envelope value `back` frames before the newest (0 = newest). */
  at(back: number): number {
    let i = this.head - 1 - back;
    while (i < 0) i += this.capacity;
    return this.history[i] ?? 0;
  }

  reset(): void {
    this.count = 0;
    this.head = 0;
  }

  update(): void {
    const n = this.count;
    this.length = n;
    const x = this.padded;
    x.fill(0);
    if (n < 8) {
      this.rho.fill(0);
      this.meanStrength = 0;
      return;
    }
    // Oldest first.
    let start = this.head - n;
    if (start < 0) start += this.capacity;
    for (let i = 0, p = start; i < n; i++) {
      x[i] = this.history[p] ?? 0;
      p = p + 1 === this.capacity ? 0 : p + 1;
    }
    // Subtract a centred moving average (running sum), rectify, then remove the mean.
    const half = Math.max(1, Math.round((LOCAL_MEAN_SECONDS * this.frameRate) / 2));
    const acf = this.acf;
    let sum = 0;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      while (hi < n && hi <= i + half) sum += x[hi++] ?? 0;
      while (lo < i - half) sum -= x[lo++] ?? 0;
      const v = (x[i] ?? 0) - sum / (hi - lo);
      acf[i] = v > 0 ? v : 0;
    }
    let mean = 0;
    for (let i = 0; i < n; i++) mean += acf[i] ?? 0;
    mean /= n;
    this.meanStrength = mean;
    const recent = Math.min(n, Math.round(RECENT_SECONDS * this.frameRate));
    let recentSum = 0;
    for (let i = n - recent; i < n; i++) recentSum += acf[i] ?? 0;
    this.recentStrength = recentSum / recent;
    for (let i = 0; i < n; i++) x[i] = (acf[i] ?? 0) - mean;
    this.fft.autocorrelate(x, acf);
    const zero = (acf[0] ?? 0) / n;
    if (!(zero > 1e-12)) {
      this.rho.fill(0);
      return;
    }
    for (let lag = 0; lag < n; lag++) this.rho[lag] = (acf[lag] ?? 0) / (n - lag) / zero;
  }

  /** Autocorrelation at a fractional lag, 0 outside the usable part (at most 3/4 of the window). */
  rhoAt(lag: number): number {
    const max = this.length * 0.75;
    if (lag < 1 || lag >= max) return 0;
    const i = Math.floor(lag);
    const f = lag - i;
    return (this.rho[i] ?? 0) * (1 - f) + (this.rho[i + 1] ?? 0) * f;
  }

  /** Comb score of a tempo: mean autocorrelation at 1..4 beat periods (usable ones only). */
  score(bpm: number): number {
    const period = (60 * this.frameRate) / bpm;
    const max = this.length * 0.75;
    let total = 0;
    let used = 0;
    for (let k = 1; k <= COMB; k++) {
      const lag = k * period;
      if (lag >= max) break;
      total += this.rhoAt(lag);
      used++;
    }
    return used >= 2 ? total / used : 0;
  }

  /**
   * Strong onsets half-way between candidate beats: the comb at the half-period points. A strong
   * value means the beat may really be twice as fast (the slow octave counts every other beat).
   */
  between(bpm: number): number {
    const period = (60 * this.frameRate) / bpm;
    const max = this.length * 0.75;
    let mid = 0;
    let used = 0;
    for (let k = 1; k <= COMB; k++) {
      const lag = k * period;
      if (lag >= max) break;
      const m = this.rhoAt(lag - period / 2);
      mid += m > 0 ? m : 0;
      used++;
    }
    return used >= 2 ? mid / used : 0;
  }
}
