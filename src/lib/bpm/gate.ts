/**
 * Whether there is a beat. Hysteresis on the comb confidence (a beat needs `onAt` to start and falls
 * back under `offAt`), and memory of a held beat (issue 19): in dense real mixes (metal, busy modules)
 * the confidence dips under `offAt` for seconds while the drums go on, and a one-bar rest looks like
 * drums that stopped. So a held beat survives `hold` seconds of low confidence and `stopHold` seconds
 * of stopped onsets; silence ends it at once.
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
};

/** Defaults; `hold`, `stopHold` and `lock` since issue 19's second pass (2026-12-02, chosen on the real set's folds). */
export const GATE_DEFAULTS: GateOptions = { onAt: 0.15, offAt: 0.08, hold: 6, stopHold: 0.5, lock: 3 };

export class BeatGate {
  on = false;
  private low = 0;
  private quiet = 0;
  private held = 0;

  private readonly o: GateOptions;

  constructor(options: GateOptions) {
    this.o = options;
  }

  /** One update `dt` seconds after the last; `stopped`: the recent onsets fell far under the window's. */
  update(dt: number, silent: boolean, stopped: boolean, confidence: number): boolean {
    this.quiet = stopped ? this.quiet + dt : 0;
    if (silent) {
      this.on = false;
    } else if (!this.on) {
      this.on = !stopped && confidence >= this.o.onAt;
      this.low = 0;
      this.held = 0;
    } else {
      // Memory only for a beat that has held `lock` seconds: a chance start in a drumless intro gets none.
      const locked = (this.held += dt) >= this.o.lock;
      this.low = confidence >= this.o.offAt ? 0 : this.low + dt;
      if (this.quiet > (locked ? this.o.stopHold : 0) || this.low > (locked ? this.o.hold : 0)) this.on = false;
    }
    return this.on;
  }
}
