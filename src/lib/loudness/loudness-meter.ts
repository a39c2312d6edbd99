/**
 * Stereo loudness per ITU-R BS.1770-4 / EBU Tech 3341: momentary (400 ms), short-term (3 s) and
 * integrated (gated at -70 LUFS absolute and -10 LU relative, 400 ms blocks with 75 % overlap).
 * Left and right weigh 1.0 each, so a sine at -20 dBFS in both channels reads -20 LUFS.
 *
 * Everything advances in 100 ms steps (the blocks' hop). The integrated value keeps a histogram of
 * block loudness (0.05 LU bins) instead of every block, so a set of any length costs the same
 * memory; the relative gate is applied at bin resolution.
 */
import { KWeighting, lufsOf, powerOf } from './k-weighting';

const SHORT_STEPS = 30;
const MOMENTARY_STEPS = 4;
const HIST_MIN = -70;
const HIST_STEP = 0.05;
const HIST_BINS = 1700; // -70 .. +15 LUFS

export type Loudness = { momentary: number; shortTerm: number; integrated: number };

export class LoudnessMeter {
  private readonly kl: KWeighting;
  private readonly kr: KWeighting;
  /** Samples per 100 ms step. */
  readonly step: number;
  private acc = 0;
  private count = 0;
  /** Mean-square sums of the last 30 steps. */
  private readonly steps = new Float64Array(SHORT_STEPS);
  private filled = 0;
  private head = 0;
  private readonly histPower = new Float64Array(HIST_BINS);
  private readonly histCount = new Float64Array(HIST_BINS);
  private blocks = 0;

  constructor(sampleRate: number) {
    this.kl = new KWeighting(sampleRate);
    this.kr = new KWeighting(sampleRate);
    this.step = Math.round(sampleRate / 10);
  }

  /** One stereo frame; returns true when a 100 ms step completed. */
  push(l: number, r: number): boolean {
    const a = this.kl.process(l);
    const b = this.kr.process(r);
    this.acc += a * a + b * b;
    if (++this.count < this.step) return false;
    this.steps[this.head] = this.acc / this.count;
    this.head = (this.head + 1) % SHORT_STEPS;
    if (this.filled < SHORT_STEPS) this.filled++;
    this.acc = 0;
    this.count = 0;
    if (this.filled >= MOMENTARY_STEPS) this.addBlock(this.meanOf(MOMENTARY_STEPS));
    return true;
  }

  /** Mean-square sum over the last `n` completed steps (fewer at the very start). */
  meanOf(n: number): number {
    const m = Math.min(n, this.filled);
    if (m === 0) return 0;
    let sum = 0;
    for (let i = 1; i <= m; i++) sum += this.steps[(this.head - i + SHORT_STEPS) % SHORT_STEPS]!;
    return sum / m;
  }

  /** The mean-square sum of the step that just completed. */
  lastStep(): number {
    return this.filled === 0 ? 0 : this.steps[(this.head - 1 + SHORT_STEPS) % SHORT_STEPS]!;
  }

  get momentary(): number {
    return lufsOf(this.meanOf(MOMENTARY_STEPS));
  }

  get shortTerm(): number {
    return lufsOf(this.meanOf(SHORT_STEPS));
  }

  get integrated(): number {
    if (this.blocks === 0) return -Infinity;
    const relative = lufsOf(this.gatedMean(0)) - 10;
    const from = Math.max(0, Math.ceil((relative - HIST_MIN) / HIST_STEP));
    return lufsOf(this.gatedMean(from));
  }

  read(): Loudness {
    return { momentary: this.momentary, shortTerm: this.shortTerm, integrated: this.integrated };
  }

  /** Forget the integrated value (a new set); momentary and short-term keep running. */
  resetIntegrated(): void {
    this.histPower.fill(0);
    this.histCount.fill(0);
    this.blocks = 0;
  }

  private addBlock(power: number): void {
    const lufs = lufsOf(power);
    if (!(lufs > HIST_MIN)) return; // absolute gate
    const bin = Math.min(HIST_BINS - 1, Math.floor((lufs - HIST_MIN) / HIST_STEP));
    this.histPower[bin]! += power;
    this.histCount[bin]! += 1;
    this.blocks++;
  }

  private gatedMean(fromBin: number): number {
    let power = 0;
    let count = 0;
    for (let i = fromBin; i < HIST_BINS; i++) {
      power += this.histPower[i]!;
      count += this.histCount[i]!;
    }
    return count > 0 ? power / count : 0;
  }
}

export { lufsOf, powerOf };
