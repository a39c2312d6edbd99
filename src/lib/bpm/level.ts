import { STEPS_PER_OCTAVE } from './tracker';

/** Metrical relatives of a tempo: 1/3, 1/2, 2/3, 3/4, 4/3, 3/2, 2, 3 (in grid steps), the tempo itself first. */
const RATIOS = [1, 1 / 3, 1 / 2, 2 / 3, 3 / 4, 4 / 3, 3 / 2, 2, 3];
const OFFSETS = RATIOS.map((r) => Math.round(Math.log2(r) * STEPS_PER_OCTAVE));
/** Octave lattice of each relative: 0 the tempo's (1/2, 1, 2), 1 a third's (1/3, 2/3, 4/3), 2 three times' (3/4, 3/2, 3). */
const LATTICE = [0, 1, 0, 1, 2, 1, 2, 0, 2];
const LATTICES = 3;
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
 *
 * Given `plain` evidence (eleventh pass, 2026-12-07), the choice has two steps: the octave lattice (the
 * tempo's, a third's or three times', above) by the best mean `plain` evidence of its members, then the
 * member inside it by `evidence`. The between term in `evidence` is an octave cue (onsets half-way between
 * beats: the beat may be twice as fast) that applies only while the double is in range, so it penalises a
 * 90 BPM reading and not its 4:3 relative at 120; it decides the octave, not the lattice.
 */
export class LevelMemory {
  private readonly mean: Float64Array;
  private readonly plainMean: Float64Array;
  private readonly lattice = new Float64Array(LATTICES);
  private readonly top = new Float64Array(1);
  private readonly memory: number;
  private count = 0;
  private anchor = -1;

  constructor(size: number, memory: number) {
    this.mean = new Float64Array(size);
    this.plainMean = new Float64Array(size);
    this.memory = memory;
  }

  reset(): void {
    this.count = 0;
    this.anchor = -1;
  }

  /** Grid index of the chosen family member of `best` (states `lo`..`hi`); `plain` as in the class comment, or null. */
  choose(best: number, evidence: Float64Array, logPrior: Float64Array, lo: number, hi: number, plain: Float64Array | null = null): number {
    if (this.memory <= 0) return best;
    const restart = this.count === 0 || !this.related(best);
    this.count = restart ? 1 : Math.min(this.memory, this.count + 1);
    average(this.mean, evidence, lo, hi, this.count);
    if (plain) average(this.plainMean, plain, lo, hi, this.count);
    this.anchor = best;
    let lattice = -1;
    if (plain) {
      const score = this.lattice;
      score.fill(-Infinity);
      for (let k = 0; k < OFFSETS.length; k++) {
        const l = LATTICE[k] ?? 0;
        if (this.member(best + (OFFSETS[k] ?? 0), this.plainMean, logPrior, lo, hi) >= 0)
          score[l] = Math.max(score[l] ?? -Infinity, this.top[0] ?? -Infinity);
      }
      lattice = 0;
      for (let l = 1; l < LATTICES; l++) if ((score[l] ?? -Infinity) > (score[lattice] ?? -Infinity)) lattice = l;
    }
    let chosen = best;
    let bestScore = -Infinity;
    for (let k = 0; k < OFFSETS.length; k++) {
      if (lattice >= 0 && LATTICE[k] !== lattice) continue;
      const i = this.member(best + (OFFSETS[k] ?? 0), this.mean, logPrior, lo, hi);
      if (i >= 0 && (this.top[0] ?? -Infinity) > bestScore) {
        bestScore = this.top[0] ?? -Infinity;
        chosen = i;
      }
    }
    return chosen;
  }

  /**
   * The grid state within SLACK of `c` (inside `lo`..`hi`) whose log mean evidence with the prior is best, or -1;
   * its score goes to `top` (a double returned from a call that is not inlined would be boxed on the audio thread).
   */
  private member(c: number, mean: Float64Array, logPrior: Float64Array, lo: number, hi: number): number {
    let found = -1;
    let top = -Infinity;
    for (let i = Math.max(lo, c - SLACK); i <= Math.min(hi, c + SLACK); i++) {
      const m = mean[i] ?? 0;
      const s = Math.log(FLOOR + (m > 0 ? m : 0)) + (logPrior[i] ?? 0);
      if (s > top) {
        top = s;
        found = i;
      }
    }
    this.top[0] = top;
    return found;
  }

  private related(best: number): boolean {
    for (const offset of OFFSETS) if (Math.abs(best - (this.anchor + offset)) <= SLACK) return true;
    return false;
  }
}

/** The running mean of `count` values (1: a fresh start) over states `lo`..`hi` takes in `x`. */
function average(mean: Float64Array, x: Float64Array, lo: number, hi: number, count: number): void {
  if (count === 1) for (let i = lo; i <= hi; i++) mean[i] = x[i] ?? 0;
  else for (let i = lo; i <= hi; i++) mean[i] = (mean[i] ?? 0) + ((x[i] ?? 0) - (mean[i] ?? 0)) * (1 / count);
}
