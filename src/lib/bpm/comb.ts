/** Pulses summed by the comb: the beat and its next three multiples. */
export const COMB = 4;
/** Usable lags: at most this share of the window (longer lags average too few frame pairs). */
export const MAX_LAG_SHARE = 0.75;

/**
 * Comb scores of a fixed list of tempi, evaluated together. The read positions (integer lag and
 * interpolation fraction of every pulse and half-pulse) are worked out once at construction, so an
 * update only reads the autocorrelation: the same arithmetic as `Tempogram.measure`, bit for bit,
 * without the divisions and floors per candidate.
 */
export class CombBank {
  readonly size: number;
  readonly bpm: Float64Array;
  /** Results of `evaluate`, by candidate: comb score and "between" score (see `Tempogram.measure`). */
  readonly score: Float64Array;
  readonly between: Float64Array;
  private readonly lag: Float64Array;
  private readonly index: Int32Array;
  private readonly frac: Float64Array;
  private readonly halfIndex: Int32Array;
  private readonly halfFrac: Float64Array;

  constructor(frameRate: number, bpm: Float64Array) {
    this.size = bpm.length;
    this.bpm = bpm;
    this.score = new Float64Array(this.size);
    this.between = new Float64Array(this.size);
    const n = this.size * COMB;
    this.lag = new Float64Array(n);
    this.index = new Int32Array(n);
    this.frac = new Float64Array(n);
    this.halfIndex = new Int32Array(n);
    this.halfFrac = new Float64Array(n);
    for (let c = 0; c < this.size; c++) {
      const period = (60 * frameRate) / (bpm[c] ?? 1);
      for (let k = 1; k <= COMB; k++) {
        const at = c * COMB + k - 1;
        const lag = k * period;
        const half = lag - period / 2;
        this.lag[at] = lag;
        // Index -1 marks a pulse under one frame, which the comb skips.
        this.index[at] = lag >= 1 ? Math.floor(lag) : -1;
        this.frac[at] = lag >= 1 ? lag - Math.floor(lag) : 0;
        this.halfIndex[at] = half >= 1 ? Math.floor(half) : -1;
        this.halfFrac[at] = half >= 1 ? half - Math.floor(half) : 0;
      }
    }
  }

  /** Scores of candidates `from` to `to` - 1 on `rho` (normalised autocorrelation of a `length`-frame window). */
  evaluate(rho: Float64Array, length: number, from: number, to: number): void {
    const max = length * MAX_LAG_SHARE;
    const { lag, index, frac, halfIndex, halfFrac, score, between } = this;
    for (let c = from; c < to; c++) {
      let total = 0;
      let mid = 0;
      let used = 0;
      for (let at = c * COMB, end = at + COMB; at < end; at++) {
        if ((lag[at] ?? 0) >= max) break;
        const i = index[at] ?? -1;
        if (i >= 0) {
          const f = frac[at] ?? 0;
          total += (rho[i] ?? 0) * (1 - f) + (rho[i + 1] ?? 0) * f;
        }
        const h = halfIndex[at] ?? -1;
        if (h >= 0) {
          const f = halfFrac[at] ?? 0;
          const m = (rho[h] ?? 0) * (1 - f) + (rho[h + 1] ?? 0) * f;
          if (m > 0) mid += m;
        }
        used++;
      }
      score[c] = used >= 2 ? total / used : 0;
      between[c] = used >= 2 ? mid / used : 0;
    }
  }
}
