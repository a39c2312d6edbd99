/**
 * True peak per ITU-R BS.1770-4 Annex 2: 4x oversampling with the Annex's 48-tap polyphase
 * interpolator (4 phases of 12 taps), absolute value, maximum. The samples themselves count too,
 * so the estimate is never below the sample peak.
 */
const PHASES: readonly (readonly number[])[] = [
  [
    0.001708984375, 0.010986328125, -0.0196533203125, 0.033203125, -0.0594482421875, 0.1373291015625, 0.97216796875, -0.102294921875,
    0.047607421875, -0.026611328125, 0.014892578125, -0.00830078125,
  ],
  [
    -0.0291748046875, 0.029296875, -0.0517578125, 0.089111328125, -0.16650390625, 0.465087890625, 0.77978515625, -0.2003173828125,
    0.1015625, -0.0582275390625, 0.0330810546875, -0.0189208984375,
  ],
  [
    -0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625, -0.2003173828125, 0.77978515625, 0.465087890625, -0.16650390625,
    0.089111328125, -0.0517578125, 0.029296875, -0.0291748046875,
  ],
  [
    -0.00830078125, 0.014892578125, -0.026611328125, 0.047607421875, -0.102294921875, 0.97216796875, 0.1373291015625, -0.0594482421875,
    0.033203125, -0.0196533203125, 0.010986328125, 0.001708984375,
  ],
];
export const TRUE_PEAK_TAPS = 12;
const COEFFS = Float64Array.from(PHASES.flat());

/** One channel's interpolator: push a sample, get the largest absolute value of its 4 interpolated points. */
export class TruePeak {
  /** The last 12 samples, twice over, so every phase reads one contiguous window. */
  private readonly ring = new Float64Array(2 * TRUE_PEAK_TAPS);
  private pos = 0;

  push(x: number): number {
    const ring = this.ring;
    this.pos = this.pos === 0 ? TRUE_PEAK_TAPS - 1 : this.pos - 1;
    ring[this.pos] = x;
    ring[this.pos + TRUE_PEAK_TAPS] = x;
    // ring[pos + k] is x[n - k]: tap k multiplies the sample k steps back.
    let peak = Math.abs(x);
    for (let p = 0; p < 4; p++) {
      let acc = 0;
      const base = p * TRUE_PEAK_TAPS;
      for (let k = 0; k < TRUE_PEAK_TAPS; k++) acc += COEFFS[base + k]! * ring[this.pos + k]!;
      const a = Math.abs(acc);
      if (a > peak) peak = a;
    }
    return peak;
  }
}

/** True peak (linear) of whole channels, for tests and offline checks. */
export function truePeakOf(...channels: ArrayLike<number>[]): number {
  let peak = 0;
  for (const channel of channels) {
    const tp = new TruePeak();
    for (let i = 0; i < channel.length; i++) peak = Math.max(peak, tp.push(channel[i] ?? 0));
    for (let i = 0; i < TRUE_PEAK_TAPS; i++) peak = Math.max(peak, tp.push(0)); // flush the tail
  }
  return peak;
}

export const dbOf = (linear: number) => (linear > 0 ? 20 * Math.log10(linear) : -Infinity);
export const linearOf = (db: number) => 10 ** (db / 20);
