/**
 * Whether there is a beat. Hysteresis on the comb confidence (a beat needs `onAt` to start and falls
 * back under `offAt`), and memory of a held beat (issue 19): in dense real mixes (metal, busy modules)
 * the confidence dips under `offAt` for seconds while the drums go on, and a one-bar rest looks like
 * drums that stopped. So a held beat survives `hold` seconds of low confidence and `stopHold` seconds
 * of stopped onsets; silence ends it at once.
 *
 * A steady tempo is evidence too (issue 19, fourth pass): in those dense mixes the comb stays at
 * 0.02-0.11 for a whole excerpt while the tracker's tempo does not move, whereas over pads and
 * speech it wanders. A tempo held within 2% for `steady` seconds with a confidence of at least
 * `steadyFloor` counts as a beat (0 turns this off) where the onsets are dense (`steadyStrength`, the
 * window's mean rectified onset strength): the tracker keeps its tempo through a pad-only breakdown too,
 * and pads have few onsets.
 */
export type GateOptions = {
  /** Confidence over which a beat starts, and under which a held one falls back. */
  onAt: number;
  offAt: number;
  /** Seconds a held beat survives a confidence under `offAt` while onsets go on. */
  hold: number;
  /** Seconds a held beat survives stopped onsets (a rest, a fill). */
  stopHold: number;
  /** Seconds a beat must hold before `hold` and `stopHold` apply. */
  lock: number;
  /** Seconds the tempo must hold (within 2%) to count as a beat at a low confidence; 0: off. */
  steady: number;
  /** Confidence a steady tempo needs (averaged over about 2 s: white noise gives a tracker a steady tempo at about 0.02). */
  steadyFloor: number;
  /** Onset density (Tempogram.meanStrength) a steady tempo needs. */
  steadyStrength: number;
};

/** Defaults; `hold`, `stopHold` and `lock` since issue 19's second pass, `steady` since its fourth (chosen on the real set's folds). */
export const GATE_DEFAULTS: GateOptions = {
  onAt: 0.15,
  offAt: 0.08,
  hold: 6,
  stopHold: 0.5,
  lock: 3,
  steady: 2,
  steadyFloor: 0.04,
  steadyStrength: 0.011,
};

/** A tempo "holds" while it stays within this many octaves (about 2%) of its running reference. */
const STEADY_OCTAVES = 0.03;
/** Time constant of the confidence average the steady rule reads. */
const CONFIDENCE_SECONDS = 2;

export class BeatGate {
  on = false;
  private low = 0;
  private quiet = 0;
  private held = 0;

  private readonly o: GateOptions;

  constructor(options: GateOptions) {
    this.o = options;
  }

  /**
   * One update `dt` seconds after the last; `stopped`: the recent onsets fell far under the window's;
   * `steady`: SteadyTempo's verdict for this update.
   */
  update(dt: number, silent: boolean, stopped: boolean, confidence: number, steady = false): boolean {
    this.quiet = stopped ? this.quiet + dt : 0;
    if (silent) {
      this.on = false;
    } else if (!this.on) {
      this.on = !stopped && (confidence >= this.o.onAt || steady);
      this.low = 0;
      this.held = 0;
    } else {
      // Memory only for a beat that has held `lock` seconds: a chance start in a drumless intro gets none.
      const locked = (this.held += dt) >= this.o.lock;
      this.low = confidence >= this.o.offAt || steady ? 0 : this.low + dt;
      if (this.quiet > (locked ? this.o.stopHold : 0) || this.low > (locked ? this.o.hold : 0)) this.on = false;
    }
    return this.on;
  }
}

/** The steady-tempo rule (see the top of this file), apart from the gate so each stays small enough for V8 to inline. */
export class SteadyTempo {
  /**
   * This update's inputs, written by the caller before `update`: the tempo before the gate, the window's
   * onset density (Tempogram.meanStrength) and the confidence. An array rather than arguments: V8 boxes
   * doubles passed to a call it does not inline, and this runs on the audio thread.
   */
  readonly input = new Float64Array(3);
  private steadyFor = 0;
  private reference = 0;
  private meanConfidence = 0;
  private readonly o: GateOptions;
  private readonly dt: number;

  /** `dt`: seconds between updates. */
  constructor(options: GateOptions, dt: number) {
    this.o = options;
    this.dt = dt;
  }

  update(): boolean {
    const bpm = this.input[0] ?? 0;
    const dt = this.dt;
    if (bpm > 0 && this.reference > 0 && Math.abs(Math.log2(bpm / this.reference)) < STEADY_OCTAVES) {
      this.steadyFor += dt;
      // Follow a slow drift (a DJ's pitch fader) without letting a jump through.
      this.reference += (bpm - this.reference) * 0.1;
    } else {
      this.steadyFor = 0;
      this.reference = bpm;
    }
    this.meanConfidence += ((this.input[2] ?? 0) - this.meanConfidence) * Math.min(1, dt / CONFIDENCE_SECONDS);
    return (
      this.o.steady > 0 &&
      this.steadyFor >= this.o.steady &&
      this.meanConfidence >= this.o.steadyFloor &&
      (this.input[1] ?? 0) >= this.o.steadyStrength
    );
  }
}
