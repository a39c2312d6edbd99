import { Tempogram } from './tempogram';

/** Bands of OnsetEnvelope grouped: body (150-2500 Hz), hats (2500-11000 Hz). */
const BAND_GROUPS = [
  [1, 2, 3],
  [4, 5],
];
/** The first band of the hats group. */
const HATS_BAND = 4;
/**
 * Share of the groups' mean autocorrelation in the one tempo and confidence are read from (issue 19): in a
 * dense mix (distorted guitars, a busy module) the summed flux loses the beat while the hats still carry
 * it. The kick band is left out: a half-time kick pulls drum and bass to half.
 */
export const BAND_MIX = 0.75;

/** One tempogram per band group; nothing allocates after construction. */
export class BandMix {
  private readonly groups: number[][];
  private readonly tempograms: Tempogram[];
  private readonly mix: number;
  /** The hats group's tempogram (whether the hats still play: the analyser's stop test, gate.ts), or null. */
  readonly hats: Tempogram | null;

  constructor(frameRate: number, windowSeconds: number, bandCount: number, mix: number) {
    this.mix = mix;
    this.groups = mix > 0 ? BAND_GROUPS.map((g) => g.filter((b) => b < bandCount)).filter((g) => g.length > 0) : [];
    this.tempograms = this.groups.map(() => new Tempogram(frameRate, windowSeconds));
    this.hats = this.tempograms[this.groups.findIndex((g) => g.includes(HATS_BAND))] ?? null;
  }

  /** One envelope frame: each group's mean band flux. */
  push(bands: Float64Array): void {
    for (let g = 0; g < this.groups.length; g++) {
      const group = this.groups[g] ?? [];
      let v = 0;
      for (let k = 0; k < group.length; k++) v += bands[group[k] ?? 0] ?? 0;
      this.tempograms[g]?.push(v / group.length);
    }
  }

  /** Update the groups' autocorrelations and mix their mean into `rho` (in place: everything downstream reads it). */
  mixInto(rho: Float64Array): void {
    const n = this.tempograms.length;
    if (n === 0) return;
    const keep = 1 - this.mix;
    const each = this.mix / n;
    for (let lag = 0; lag < rho.length; lag++) rho[lag] = (rho[lag] ?? 0) * keep;
    for (let g = 0; g < n; g++) {
      const t = this.tempograms[g];
      if (!t) continue;
      t.update();
      const r = t.rho;
      for (let lag = 0; lag < rho.length; lag++) rho[lag] = (rho[lag] ?? 0) + each * (r[lag] ?? 0);
    }
  }
}
