/**
 * The console's program bus, as one pure block processor (the AudioWorklet is a thin shell):
 *
 *   trim ─▶ input peak / clip ─▶ leveller (slow gain, 100 ms steps) ─▶ true-peak limiter ─▶ output meters ─▶ out
 *
 * Gains change smoothly: the trim glides with a 20 ms time constant, the leveller's gain is
 * interpolated across each 100 ms step. Meters are gathered between `takeReport()` calls.
 */
import { LoudnessMeter } from './loudness-meter';
import { Leveller, type LevellerOptions } from './leveller';
import { LIMITER_DELAY, TruePeakLimiter } from './limiter';
import { TruePeak, dbOf, linearOf } from './true-peak';
import { KWeighting } from './k-weighting';

/** A sample this close to full scale after the trim counts as clipping (16-bit full scale is 0.99997). */
export const CLIP_LEVEL = 0.999;
export const MAX_TRIM_DB = 24;

export type BusReport = {
  /** Post-trim input sample peaks (dBFS) and whether any sample clipped. */
  inputPeakDb: [number, number];
  clipped: boolean;
  /** What listeners get: output sample peaks and true peak (dBFS / dBTP). */
  outputPeakDb: [number, number];
  truePeakDb: number;
  momentary: number;
  shortTerm: number;
  integrated: number;
  levellerDb: number;
  levellerOn: boolean;
  /** Deepest limiter gain reduction in the period (dB, <= 0). */
  limiterDb: number;
};

export type BusOptions = { ceilingDbtp?: number; leveller?: Partial<LevellerOptions> };

export class ProgramBus {
  readonly latencyFrames = LIMITER_DELAY;
  private readonly leveller: Leveller;
  private readonly limiter: TruePeakLimiter;
  private readonly meter: LoudnessMeter;
  private readonly inKl: KWeighting;
  private readonly inKr: KWeighting;
  private readonly tpl = new TruePeak();
  private readonly tpr = new TruePeak();
  private readonly trimGlide: number;
  private trimTarget = 1;
  private trim = 1;
  /** Leveller gain (linear) now, its per-frame increment and frames left in the step. */
  private level = 1;
  private levelInc = 0;
  private inPower = 0;
  private inCount = 0;
  private bufL = new Float32Array(128);
  private bufR = new Float32Array(128);
  private inPeak: [number, number] = [0, 0];
  private outPeak: [number, number] = [0, 0];
  private truePeak = 0;
  private clipped = false;

  constructor(sampleRate: number, options: BusOptions = {}) {
    this.leveller = new Leveller(options.leveller);
    this.limiter = new TruePeakLimiter(sampleRate, options.ceilingDbtp ?? -1);
    this.meter = new LoudnessMeter(sampleRate);
    this.inKl = new KWeighting(sampleRate);
    this.inKr = new KWeighting(sampleRate);
    this.trimGlide = 1 - Math.exp(-1 / (0.02 * sampleRate));
  }

  setTrimDb(db: number): void {
    this.trimTarget = linearOf(Math.min(MAX_TRIM_DB, Math.max(-MAX_TRIM_DB, db)));
  }

  setLeveller(on: boolean): void {
    if (on !== this.leveller.enabled) this.leveller.setEnabled(on);
  }

  resetIntegrated(): void {
    this.meter.resetIntegrated();
  }

  /** Process one block of stereo frames (out may alias in). */
  process(inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, n: number): void {
    if (this.bufL.length < n) {
      this.bufL = new Float32Array(n);
      this.bufR = new Float32Array(n);
    }
    const bl = this.bufL;
    const br = this.bufR;
    const step = this.meter.step;
    for (let i = 0; i < n; i++) {
      this.trim += (this.trimTarget - this.trim) * this.trimGlide;
      const l = inL[i]! * this.trim;
      const r = inR[i]! * this.trim;
      const al = Math.abs(l);
      const ar = Math.abs(r);
      if (al > this.inPeak[0]) this.inPeak[0] = al;
      if (ar > this.inPeak[1]) this.inPeak[1] = ar;
      if (al >= CLIP_LEVEL || ar >= CLIP_LEVEL) this.clipped = true;
      const kl = this.inKl.process(l);
      const kr = this.inKr.process(r);
      this.inPower += kl * kl + kr * kr;
      if (++this.inCount >= step) this.nextLevelStep(step);
      this.level += this.levelInc;
      bl[i] = l * this.level;
      br[i] = r * this.level;
    }
    this.limiter.process(bl, br, outL, outR, n);
    for (let i = 0; i < n; i++) {
      const l = outL[i]!;
      const r = outR[i]!;
      const al = Math.abs(l);
      const ar = Math.abs(r);
      if (al > this.outPeak[0]) this.outPeak[0] = al;
      if (ar > this.outPeak[1]) this.outPeak[1] = ar;
      const tp = Math.max(this.tpl.push(l), this.tpr.push(r));
      if (tp > this.truePeak) this.truePeak = tp;
      this.meter.push(l, r);
    }
  }

  /** Meters since the last report; resets the peaks and the clip flag. */
  takeReport(): BusReport {
    const loudness = this.meter.read();
    const report: BusReport = {
      inputPeakDb: [dbOf(this.inPeak[0]), dbOf(this.inPeak[1])],
      clipped: this.clipped,
      outputPeakDb: [dbOf(this.outPeak[0]), dbOf(this.outPeak[1])],
      truePeakDb: dbOf(this.truePeak),
      ...loudness,
      levellerDb: this.leveller.gainDb,
      levellerOn: this.leveller.enabled,
      limiterDb: this.limiter.takeReductionDb(),
    };
    this.inPeak = [0, 0];
    this.outPeak = [0, 0];
    this.truePeak = 0;
    this.clipped = false;
    return report;
  }

  private nextLevelStep(step: number): void {
    const gainDb = this.leveller.step(this.inPower / this.inCount);
    this.inPower = 0;
    this.inCount = 0;
    this.levelInc = (linearOf(gainDb) - this.level) / step;
  }
}
