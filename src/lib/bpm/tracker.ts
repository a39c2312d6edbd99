import { GRID_MAX_BPM, GRID_MIN_BPM, type TempoRange } from './range';

/** Grid resolution: about 0.9 BPM at 128 BPM; the winner is refined afterwards. */
export const STEPS_PER_OCTAVE = 96;

export type TrackerTuning = {
  /** Centre (BPM) and width (octaves) of the log-normal tempo prior inside the range. */
  priorCenter: number;
  priorWidth: number;
  /** Cost of a change of tempo to anywhere (a re-lock), in log-evidence units. */
  jumpCost: number;
  /** Cost per grid step of a gradual drift (a DJ riding the pitch fader). */
  driftCost: number;
  /** Evidence weight of one observation. */
  evidenceGain: number;
};

export const DEFAULT_TUNING: TrackerTuning = {
  priorCenter: 125,
  priorWidth: 0.8,
  jumpCost: 3,
  driftCost: 0.5,
  evidenceGain: 1,
};

const DRIFT_STEPS = 2;
const FLOOR = 1e-3;

/**
 * Online Viterbi over a log-tempo grid: each state keeps the best path score ending there, a path may
 * drift a few steps per update cheaply or jump anywhere at a fixed cost. A new tempo therefore wins
 * as soon as its accumulated evidence outweighs the jump cost (no reset timer), while a single bad
 * window cannot move a settled estimate.
 */
export class TempoTracker {
  readonly size: number;
  readonly bpm: Float64Array;
  readonly logPrior: Float64Array;
  private readonly delta: Float64Array;
  private readonly next: Float64Array;
  private lo = 0;
  private hi = 0;
  private started = false;
  tuning: TrackerTuning;

  constructor(range: TempoRange, tuning: TrackerTuning = DEFAULT_TUNING) {
    this.size = Math.floor(Math.log2(GRID_MAX_BPM / GRID_MIN_BPM) * STEPS_PER_OCTAVE) + 1;
    this.bpm = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) this.bpm[i] = GRID_MIN_BPM * 2 ** (i / STEPS_PER_OCTAVE);
    this.logPrior = new Float64Array(this.size);
    this.delta = new Float64Array(this.size);
    this.next = new Float64Array(this.size);
    this.tuning = tuning;
    this.setRange(range, null);
  }

  /** Active range, optionally centred on a tapped tempo (the DJ's octave correction). */
  setRange(range: TempoRange, tapped: number | null): void {
    const { priorCenter, priorWidth } = this.tuning;
    this.lo = this.indexOf(range.min);
    this.hi = Math.min(this.size - 1, this.indexOf(range.max));
    const center = tapped ?? priorCenter;
    const width = tapped ? 0.2 : priorWidth;
    for (let i = 0; i < this.size; i++) {
      const d = Math.log2((this.bpm[i] ?? 1) / center) / width;
      this.logPrior[i] = -0.5 * d * d;
    }
    this.started = false;
  }

  indexOf(bpm: number): number {
    return Math.max(0, Math.round(Math.log2(bpm / GRID_MIN_BPM) * STEPS_PER_OCTAVE));
  }

  get rangeStart(): number {
    return this.lo;
  }

  get rangeEnd(): number {
    return this.hi;
  }

  reset(): void {
    this.started = false;
  }

  /**
   * One observation: `evidence[i]` is the comb score of grid tempo i (only lo..hi are read).
   * Returns the index of the best state.
   */
  observe(evidence: Float64Array): number {
    const { jumpCost, driftCost, evidenceGain } = this.tuning;
    const d = this.delta;
    const nx = this.next;
    let best = this.lo;
    let bestScore = -Infinity;
    for (let i = this.lo; i <= this.hi; i++) {
      const e = evidence[i] ?? 0;
      const obs = evidenceGain * Math.log(FLOOR + (e > 0 ? e : 0)) + (this.logPrior[i] ?? 0);
      let from = -jumpCost;
      if (this.started) {
        const a = Math.max(this.lo, i - DRIFT_STEPS);
        const b = Math.min(this.hi, i + DRIFT_STEPS);
        for (let j = a; j <= b; j++) {
          const v = (d[j] ?? 0) - driftCost * Math.abs(i - j);
          if (v > from) from = v;
        }
      }
      const v = from + obs;
      nx[i] = v;
      if (v > bestScore) {
        bestScore = v;
        best = i;
      }
    }
    // Normalise so the best path is 0; the jump from it costs `jumpCost`.
    for (let i = this.lo; i <= this.hi; i++) {
      const v = (nx[i] ?? 0) - bestScore;
      d[i] = v < -4 * jumpCost ? -4 * jumpCost : v;
    }
    this.started = true;
    return best;
  }
}
