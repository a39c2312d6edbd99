import FFT from 'fft.js';

/**
 * Real FFT helpers over fft.js with caller-owned buffers, so nothing allocates after construction.
 * fft.js works on interleaved complex arrays; typed arrays are accepted as storage.
 */
export class RealFft {
  readonly size: number;
  private readonly fft: FFT;
  /** Interleaved complex spectrum (2 * size). */
  readonly spectrum: Float64Array;
  private readonly scratch: Float64Array;

  constructor(size: number) {
    this.size = size;
    this.fft = new FFT(size);
    this.spectrum = new Float64Array(size * 2);
    this.scratch = new Float64Array(size * 2);
  }

  /** Forward transform of `input` (length = size) into `spectrum` (only bins 0..size/2 are valid). */
  forward(input: Float64Array): void {
    this.fft.realTransform(this.spectrum, input);
  }

  /**
   * Autocorrelation of `input` (zero-padded by the caller to avoid wrap-around) written into `out`:
   * IFFT(|FFT(x)|^2), real part, unnormalised.
   */
  autocorrelate(input: Float64Array, out: Float64Array): void {
    const s = this.spectrum;
    this.fft.realTransform(s, input);
    this.fft.completeSpectrum(s);
    for (let i = 0; i < s.length; i += 2) {
      const re = s[i] ?? 0;
      const im = s[i + 1] ?? 0;
      s[i] = re * re + im * im;
      s[i + 1] = 0;
    }
    this.fft.inverseTransform(this.scratch, s);
    for (let i = 0; i < this.size; i++) out[i] = this.scratch[2 * i] ?? 0;
  }
}

export function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}
