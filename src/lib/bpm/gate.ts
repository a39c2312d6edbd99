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
 *
 * A beat is kept while its tempo holds (`keep`, issue 19, fifth pass): once a beat has started, low
 * confidence does not end it for as long as the tracker's tempo has stayed within 2% of the tempo it started
 * with, locked or not; a module whose comb fell to 0.03-0.05 two seconds after a clear start read "no beat"
 * for 14 s while its tempo never moved. Stopped onsets and silence still end it, so breakdowns do; a chance
 * start in an intro ends as soon as the tracker's tempo moves.
 *
 * Hats that go on are drums that have not stopped (issue 19, twelfth pass; the analyser's `stopped`, `hatsPlay`): the
 * recent onsets must fall under the window's in the whole envelope and in the hats band (2.5-11 kHz) alike. A drummer
 * who keeps time on the hi-hat through a break of the kick and snare still plays a beat; a breakdown takes the hats
 * out with the rest of the kit.
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
  /** Whether a beat is kept, through low confidence, for as long as the tempo it started with holds (within 2%). */
  keep: boolean;
};

/** Defaults; `hold`, `stopHold` and `lock` since issue 19's second pass, `steady` since its fourth, `keep` since its fifth (chosen on the real set's folds). */
export const GATE_DEFAULTS: GateOptions = {
  onAt: 0.15,
  offAt: 0.08,
  hold: 6,
  stopHold: 0.5,
  lock: 3,
  // 3 s, not 2: the folds tie (same on every real piece) and 2 s read a voice-over as 127.5 BPM (scripts/bpm/cli.test.ts).
  steady: 3,
  steadyFloor: 0.04,
  steadyStrength: 0.011,
  // Fifth pass (2026-12-04): a beat is the same beat while the tempo it started with holds.
  keep: true,
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
   * `steady`: SteadyTempo's verdict for this update; `kept`: its `kept` (the beat's tempo still holds).
   */
  update(dt: number, silent: boolean, stopped: boolean, confidence: number, steady = false, kept = false): boolean {
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
      this.low = confidence >= this.o.offAt || steady || kept ? 0 : this.low + dt;
      if (this.quiet > (locked ? this.o.stopHold : 0) || this.low > (locked ? this.o.hold : 0)) this.on = false;
    }
    return this.on;
  }
}

/** The steady-tempo rule (see the top of this file), apart from the gate so each stays small enough for V8 to inline. */
export class SteadyTempo {
  /**
   * This update's inputs, written by the caller before `update`: the tempo before the gate, the window's
   * onset density (Tempogram.meanStrength), the confidence, and 1 if the gate was on after the last update.
   * An array rather than arguments: V8 boxes doubles passed to a call it does not inline, and this runs on
   * the audio thread.
   */
  readonly input = new Float64Array(4);
  /** After `update`: the gate is on and the tracker's tempo has not moved since it went on (`keep`). */
  kept = false;
  private steadyFor = 0;
  private beatFor = 0;
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
    // The same beat, however weak the comb, while the tempo it started with holds.
    const on = (this.input[3] ?? 0) > 0;
    this.beatFor = on ? this.beatFor + dt : 0;
    this.kept = this.o.keep && on && this.steadyFor + dt >= this.beatFor;
    return (
      this.o.steady > 0 &&
      this.steadyFor >= this.o.steady &&
      this.meanConfidence >= this.o.steadyFloor &&
      (this.input[1] ?? 0) >= this.o.steadyStrength
    );
  }
}
