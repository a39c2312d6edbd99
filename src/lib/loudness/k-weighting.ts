/**
 * ITU-R BS.1770-4 K-weighting: the "pre-filter" high shelf (+4 dB above ~1.7 kHz) followed by the
 * RLB high pass (~38 Hz). Coefficients come from the analog prototype, so any sample rate works;
 * at 48 kHz they equal the standard's Table 1 (checked in the test).
 */
export type BiquadCoefficients = { b0: number; b1: number; b2: number; a1: number; a2: number };

export function shelfCoefficients(sampleRate: number): BiquadCoefficients {
  const f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  const q = 0.7071752369554196;
  const k = Math.tan((Math.PI * f0) / sampleRate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  const a0 = 1 + k / q + k * k;
  return {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
}

export function highPassCoefficients(sampleRate: number): BiquadCoefficients {
  const f0 = 38.13547087602444;
  const q = 0.5003270373238773;
  const k = Math.tan((Math.PI * f0) / sampleRate);
  const a0 = 1 + k / q + k * k;
  // The standard's numerator is 1, -2, 1 (unnormalised); the level offset -0.691 assumes exactly that.
  return { b0: 1, b1: -2, b2: 1, a1: (2 * (k * k - 1)) / a0, a2: (1 - k / q + k * k) / a0 };
}

/** One channel of K-weighting: two direct-form-I biquads, state in plain fields (no allocation per sample). */
export class KWeighting {
  private readonly s: BiquadCoefficients;
  private readonly h: BiquadCoefficients;
  private sx1 = 0;
  private sx2 = 0;
  private sy1 = 0;
  private sy2 = 0;
  private hy1 = 0;
  private hy2 = 0;

  constructor(sampleRate: number) {
    this.s = shelfCoefficients(sampleRate);
    this.h = highPassCoefficients(sampleRate);
  }

  process(x: number): number {
    const s = this.s;
    const y = s.b0 * x + s.b1 * this.sx1 + s.b2 * this.sx2 - s.a1 * this.sy1 - s.a2 * this.sy2;
    this.sx2 = this.sx1;
    this.sx1 = x;
    // The high pass reads the shelf's output history (sy1, sy2) as its input history.
    const h = this.h;
    const z = h.b0 * y + h.b1 * this.sy1 + h.b2 * this.sy2 - h.a1 * this.hy1 - h.a2 * this.hy2;
    this.sy2 = this.sy1;
    this.sy1 = y;
    this.hy2 = this.hy1;
    this.hy1 = z;
    // Flush denormals after silence: they cost the audio thread dearly on some CPUs.
    if (Math.abs(this.hy1) < 1e-20) this.hy1 = 0;
    return z;
  }
}

/** Loudness (LUFS) of a mean-square sum over channels, BS.1770-4 eq. 2. */
export function lufsOf(power: number): number {
  return power > 0 ? -0.691 + 10 * Math.log10(power) : -Infinity;
}

/** The mean-square sum that reads `lufs`. */
export function powerOf(lufs: number): number {
  return 10 ** ((lufs + 0.691) / 10);
}
