/** Running means of the level features per grid tempo (level-features.ts), averaged as the level memory averages. */
import { CombBank } from '../../src/lib/bpm/comb';
import type { Tempogram } from '../../src/lib/bpm/tempogram';
import { STEPS_PER_OCTAVE } from '../../src/lib/bpm/tracker';

export const RELATIVES = [1, 1 / 3, 1 / 2, 2 / 3, 3 / 4, 4 / 3, 3 / 2, 2, 3];
const OFFSETS = RELATIVES.map((r) => Math.round(Math.log2(r) * STEPS_PER_OCTAVE));
const SLACK = 2;
const FLOOR = 1e-3;
/** Raw features per grid tempo: evidence, plain, then comb at T/2, T, 2T and between at T for mix, kick, body, hats. */
export const RAW = ['ev', 'plain', ...['mix', 'kick', 'body', 'hats'].flatMap((b) => [`${b}Half`, `${b}T`, `${b}Double`, `${b}Mid`])];

export class FeatureMeans {
  readonly ev: Float64Array;
  private readonly mean: Float64Array[];
  private readonly banks: CombBank;
  private readonly size: number;
  private readonly memory: number;
  private count = 0;
  private anchor = -1;
  density = 0;

  constructor(frameRate: number, grid: Float64Array, memory: number) {
    this.size = grid.length;
    this.memory = memory;
    this.mean = RAW.map(() => new Float64Array(this.size));
    this.ev = this.mean[0] as Float64Array;
    const tempi = new Float64Array(this.size * 3);
    grid.forEach((b, i) => {
      tempi[i * 3] = b / 2;
      tempi[i * 3 + 1] = b;
      tempi[i * 3 + 2] = b * 2;
    });
    this.banks = new CombBank(frameRate, tempi);
  }

  update(best: number, mix: Tempogram, bands: Tempogram[], evidence: Float64Array, plain: Float64Array): void {
    const related = this.count > 0 && OFFSETS.some((o) => Math.abs(best - (this.anchor + o)) <= SLACK);
    this.count = related ? Math.min(this.memory, this.count + 1) : 1;
    this.anchor = best;
    const w = 1 / this.count;
    const raw = new Float64Array(RAW.length);
    const sources = [mix, ...bands];
    const per: Float64Array[] = sources.map((t) => {
      this.banks.evaluate(t.rho, t.length, 0, this.size * 3);
      return Float64Array.from([...this.banks.score, ...this.banks.between]);
    });
    this.density += (mix.meanStrength - this.density) * w;
    for (let i = 0; i < this.size; i++) {
      raw[0] = evidence[i] ?? 0;
      raw[1] = plain[i] ?? 0;
      per.forEach((p, s) => {
        const n = this.size * 3;
        raw[2 + s * 4] = p[i * 3] ?? 0;
        raw[3 + s * 4] = p[i * 3 + 1] ?? 0;
        raw[4 + s * 4] = p[i * 3 + 2] ?? 0;
        raw[5 + s * 4] = p[n + i * 3 + 1] ?? 0;
      });
      for (let f = 0; f < RAW.length; f++) {
        const m = this.mean[f] as Float64Array;
        m[i] = this.count === 1 ? (raw[f] ?? 0) : (m[i] ?? 0) + ((raw[f] ?? 0) - (m[i] ?? 0)) * w;
      }
    }
  }

  /** Raw means at grid tempo `i`, then its log prior, the window's onset density and whether the engine chose it. */
  at(i: number, prior: number, chosen: boolean): number[] {
    return [...this.mean.map((m) => m[i] ?? 0), prior, this.density, chosen ? 1 : 0];
  }
}

/** The grid tempo within SLACK of `best` times `ratio` whose log mean evidence with the prior is best, as level.ts picks it; -1 outside the range. */
export function memberIndex(best: number, ratio: number, ev: Float64Array, logPrior: Float64Array, lo: number, hi: number): number {
  const c = best + Math.round(Math.log2(ratio) * STEPS_PER_OCTAVE);
  let found = -1;
  let top = -Infinity;
  for (let i = Math.max(lo, c - SLACK); i <= Math.min(hi, c + SLACK); i++) {
    const m = ev[i] ?? 0;
    const s = Math.log(FLOOR + (m > 0 ? m : 0)) + (logPrior[i] ?? 0);
    if (s > top) {
      top = s;
      found = i;
    }
  }
  return found;
}
