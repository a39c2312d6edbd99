import { COMB, MAX_LAG_SHARE } from './comb';
import { RealFft, nextPow2 } from './fft';

/** Local-mean window (seconds) removed before rectifying, so only peaks above the local level count. */
const LOCAL_MEAN_SECONDS = 0.12;
const RECENT_SECONDS = 1.5;
/** Beats the phase comb looks back over. */
const PHASE_BEATS = 4;

/**
 * Autocorrelation tempogram over the last `windowSeconds` of the onset envelope. `update()` computes
 * the normalised autocorrelation (unbiased, 1 at lag 0) with one FFT pair; `measure(bpm)` gives the comb
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
  /** Lags computed into `rho` (the rest stay 0): every lag `measure` and `CombBank` can read. */
  readonly lags: number;
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
    // The comb reads lags up to MAX_LAG_SHARE of the window (plus one for interpolation): padding the
    // window by that much, not by a whole window, keeps those lags free of wrap-around at half the FFT size.
    this.lags = Math.min(this.capacity, Math.ceil(this.capacity * MAX_LAG_SHARE) + 2);
    const size = nextPow2(this.capacity + this.lags);
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
    const lags = Math.min(n, this.lags);
    this.fft.autocorrelate(x, acf, lags);
    const zero = (acf[0] ?? 0) / n;
    if (!(zero > 1e-12)) {
      this.rho.fill(0);
      return;
    }
    for (let lag = 0; lag < lags; lag++) this.rho[lag] = (acf[lag] ?? 0) / (n - lag) / zero;
  }

  /** Results of `measure`: [comb score, between score], written in place. */
  readonly measured = new Float64Array(2);

  /**
   * Comb score of a tempo (mean autocorrelation at 1..4 beat periods, usable lags only: at most
   * 3/4 of the window) and its "between" score: the same at the half-period points. Strong onsets
   * half-way between candidate beats mean the beat may really be twice as fast.
   * Results go to `measured` rather than a returned number: V8 boxes doubles returned from calls
   * it does not inline, and this runs thousands of times per update inside the audio thread.
   */
  measure(bpm: number): void {
    const period = (60 * this.frameRate) / bpm;
    const max = this.length * MAX_LAG_SHARE;
    const rho = this.rho;
    let total = 0;
    let mid = 0;
    let used = 0;
    for (let k = 1; k <= COMB; k++) {
      const lag = k * period;
      if (lag >= max) break;
      if (lag >= 1) {
        const i = Math.floor(lag);
        const f = lag - i;
        total += (rho[i] ?? 0) * (1 - f) + (rho[i + 1] ?? 0) * f;
      }
      const half = lag - period / 2;
      if (half >= 1) {
        const i = Math.floor(half);
        const f = half - i;
        const m = (rho[i] ?? 0) * (1 - f) + (rho[i + 1] ?? 0) * f;
        if (m > 0) mid += m;
      }
      used++;
    }
    this.measured[0] = used >= 2 ? total / used : 0;
    this.measured[1] = used >= 2 ? mid / used : 0;
  }

  /**
   * Frames back from the newest envelope value to the most recent beat: the offset in [0, period)
   * whose comb over the last four beats collects the most onset strength.
   */
  beatPhase(period: number): number {
    const frames = this.count;
    const max = Math.min(Math.floor(period), frames - 1);
    let best = 0;
    let bestSum = -Infinity;
    for (let phi = 0; phi < max; phi++) {
      let sum = 0;
      for (let k = 0; k < PHASE_BEATS; k++) {
        const back = Math.round(phi + k * period);
        if (back >= frames) break;
        let i = this.head - 1 - back;
        if (i < 0) i += this.capacity;
        sum += this.history[i] ?? 0;
      }
      if (sum > bestSum) {
        bestSum = sum;
        best = phi;
      }
    }
    return best;
  }
}
