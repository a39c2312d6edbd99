import { STEPS_PER_OCTAVE } from './tracker';

/** Metrical relatives of a tempo: 1/3, 1/2, 2/3, 3/4, 4/3, 3/2, 2, 3 (in grid steps), the tempo itself first. */
const RATIOS = [1, 1 / 3, 1 / 2, 2 / 3, 3 / 4, 4 / 3, 3 / 2, 2, 3];
const OFFSETS = RATIOS.map((r) => Math.round(Math.log2(r) * STEPS_PER_OCTAVE));
/** Grid steps (about 0.7% each) within which a tempo counts as a relative; the tracker drifts up to 2 per update. */
const SLACK = 2;
const FLOOR = 1e-3;

/**
 * Memory of the metrical level (issue 19, third pass). Within one piece the salient level changes with
 * the arrangement (a section where the drums go double-time or half-time), and the tracker follows the
 * evidence of the last seconds: a 180 piece of the real set read 180 for 20 s was read 90 for the next 18 s. This keeps the mean evidence of every grid tempo since the tempo's family
 * (the tempo and its relatives) began, and reports the family member whose mean evidence, with the prior,
 * is best. A jump to an unrelated tempo (a new track) starts over; `memory` updates cap the mean, so it
 * ends up an exponential average and an old arrangement fades.
 */
export class LevelMemory {
  private readonly mean: Float64Array;
  private readonly memory: number;
  private count = 0;
  private anchor = -1;

  constructor(size: number, memory: number) {
    this.mean = new Float64Array(size);
    this.memory = memory;
  }

  reset(): void {
    this.count = 0;
    this.anchor = -1;
  }

  /** Grid index of the family member of `best` with the best mean evidence (states `lo`..`hi`). */
  choose(best: number, evidence: Float64Array, logPrior: Float64Array, lo: number, hi: number): number {
    if (this.memory <= 0) return best;
    const mean = this.mean;
    if (this.count === 0 || !this.related(best)) {
      for (let i = lo; i <= hi; i++) mean[i] = evidence[i] ?? 0;
      this.count = 1;
    } else {
      this.count = Math.min(this.memory, this.count + 1);
      const w = 1 / this.count;
      for (let i = lo; i <= hi; i++) mean[i] = (mean[i] ?? 0) + ((evidence[i] ?? 0) - (mean[i] ?? 0)) * w;
    }
    this.anchor = best;
    let chosen = best;
    let bestScore = -Infinity;
    for (const offset of OFFSETS) {
      const c = best + offset;
      for (let i = Math.max(lo, c - SLACK); i <= Math.min(hi, c + SLACK); i++) {
        // Inline, not a helper returning a double: nothing boxed on the audio thread.
        const m = mean[i] ?? 0;
        const s = Math.log(FLOOR + (m > 0 ? m : 0)) + (logPrior[i] ?? 0);
        if (s > bestScore) {
          bestScore = s;
          chosen = i;
        }
      }
    }
    return chosen;
  }

  private related(best: number): boolean {
    for (const offset of OFFSETS) if (Math.abs(best - (this.anchor + offset)) <= SLACK) return true;
    return false;
  }
}
