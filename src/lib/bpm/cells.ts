import { CombBank } from './comb';
import { STEPS_PER_OCTAVE } from './tracker';

/** Comb evaluations per grid cell. */
const CELL_SAMPLES = 5;

/**
 * Evidence for each tempo of the tracker's grid. Comb peaks of clean material are narrower than a
 * grid step, so each state takes the best of CELL_SAMPLES tempi across its cell; each of those is
 * scored with its double (the level below) in one CombBank, built once for the whole grid.
 */
export class CellEvidence {
  private readonly bank: CombBank;

  constructor(frameRate: number, grid: Float64Array) {
    const cell = 2 ** (1 / (STEPS_PER_OCTAVE * CELL_SAMPLES));
    const tempi = new Float64Array(grid.length * CELL_SAMPLES * 2);
    for (let i = 0; i < grid.length; i++) {
      let bpm = (grid[i] ?? 1) * cell ** -((CELL_SAMPLES - 1) / 2);
      for (let k = 0; k < CELL_SAMPLES; k++, bpm *= cell) {
        tempi[(i * CELL_SAMPLES + k) * 2] = bpm;
        tempi[(i * CELL_SAMPLES + k) * 2 + 1] = bpm * 2;
      }
    }
    this.bank = new CombBank(frameRate, tempi);
  }

  /**
   * Evidence for each grid state `lo`..`hi` into `out`: the comb of a tempo, plus `support` times the
   * comb of its double (its eighth notes), minus `between` times the onsets half-way between its beats
   * when twice the tempo is still under `rangeMax`; the best across the cell. `plain`, when given, gets
   * the same without the between term (the level memory chooses the octave lattice on it, level.ts).
   */
  compute(
    rho: Float64Array,
    length: number,
    lo: number,
    hi: number,
    rangeMax: number,
    between: number,
    support: number,
    out: Float64Array,
    plain: Float64Array | null = null,
  ): void {
    const bank = this.bank;
    const width = CELL_SAMPLES * 2;
    bank.evaluate(rho, length, lo * width, (hi + 1) * width);
    const { score, bpm } = bank;
    const mid = bank.between;
    for (let i = lo; i <= hi; i++) {
      let best = -Infinity;
      let bestPlain = -Infinity;
      for (let c = i * width, end = c + width; c < end; c += 2) {
        const s = score[c] ?? 0;
        const double = support * (score[c + 1] ?? 0);
        const e = ((bpm[c + 1] ?? 0) <= rangeMax ? s - between * (mid[c] ?? 0) : s) + double;
        if (e > best) best = e;
        if (s + double > bestPlain) bestPlain = s + double;
      }
      out[i] = best / (1 + support);
      if (plain) plain[i] = bestPlain / (1 + support);
    }
  }
}
