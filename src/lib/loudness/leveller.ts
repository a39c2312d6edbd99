/**
 * The slow automatic gain ahead of the limiter. Feed-forward: it measures the (trimmed) input's
 * K-weighted loudness over the last 3 s, counting only 100 ms steps louder than -50 LUFS (so
 * silence and pauses hold the gain instead of pulling it up), and moves its gain toward
 * `target - loudness` by a fraction per step (time constant 2 s) capped at 3 dB/s, bounded to
 * +-12 dB. A beat is far shorter than the window, so the gain does not follow the music (no pumping).
 */
import { lufsOf, powerOf } from './k-weighting';

export type LevellerOptions = {
  targetLufs: number;
  maxBoostDb: number;
  maxCutDb: number;
  /** Below this a 100 ms step counts as silence and is left out of the measurement. */
  gateLufs: number;
  timeConstantS: number;
  maxRateDbPerS: number;
};

export const LEVELLER_DEFAULTS: LevellerOptions = {
  targetLufs: -14,
  maxBoostDb: 12,
  maxCutDb: 12,
  gateLufs: -50,
  timeConstantS: 2,
  maxRateDbPerS: 3,
};

const WINDOW_STEPS = 30;
/** At least 400 ms of signal in the window before the gain moves. */
const MIN_STEPS = 4;
const STEP_S = 0.1;

export class Leveller {
  private readonly options: LevellerOptions;
  private readonly gatePower: number;
  private readonly window = new Float64Array(WINDOW_STEPS);
  private head = 0;
  private gainDbValue = 0;
  private enabledValue = true;

  constructor(options: Partial<LevellerOptions> = {}) {
    this.options = { ...LEVELLER_DEFAULTS, ...options };
    this.gatePower = powerOf(this.options.gateLufs);
  }

  get gainDb(): number {
    return this.gainDbValue;
  }

  get enabled(): boolean {
    return this.enabledValue;
  }

  /** Off means 0 dB at once (the bus ramps it over one step); on starts again from 0 dB. */
  setEnabled(on: boolean): void {
    this.enabledValue = on;
    this.gainDbValue = 0;
  }

  /** The input's mean-square sum over the last 100 ms; returns the gain (dB) for the next 100 ms. */
  step(power: number): number {
    // Gated steps are stored as 0 and skipped; the window still slides, so old music ages out.
    this.window[this.head] = power >= this.gatePower ? power : 0;
    this.head = (this.head + 1) % WINDOW_STEPS;
    if (!this.enabledValue) return this.gainDbValue;
    let sum = 0;
    let n = 0;
    for (let i = 0; i < WINDOW_STEPS; i++) {
      const p = this.window[i]!;
      if (p > 0) {
        sum += p;
        n++;
      }
    }
    if (n < MIN_STEPS) return this.gainDbValue; // silence or a pause: hold
    const o = this.options;
    const wanted = Math.min(o.maxBoostDb, Math.max(-o.maxCutDb, o.targetLufs - lufsOf(sum / n)));
    const maxMove = o.maxRateDbPerS * STEP_S;
    const move = (wanted - this.gainDbValue) * (1 - Math.exp(-STEP_S / o.timeConstantS));
    this.gainDbValue += Math.min(maxMove, Math.max(-maxMove, move));
    return this.gainDbValue;
  }
}
