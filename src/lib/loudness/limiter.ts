/**
 * Stereo-linked look-ahead true-peak limiter. Each incoming frame's true peak (TruePeak: the
 * frame and its 4x interpolated neighbours) sets the gain it needs; a sliding minimum holds that
 * need over the whole span the peak can touch, a 1 ms moving average turns the step into a ramp
 * that is fully down before the peak leaves the delay line, and a 150 ms release lets go.
 *
 * Why the spans: a need found at input frame m concerns frames m-11..m (the interpolator's
 * history) and, for the output's own true peak, 6 more frames either side. With a ramp of R
 * frames and a delay of D = R - 1 + 18, the averaged gain is at or below the need for output
 * frames m-18..m+8 whenever the hold covers D + 9 frames. The gain never exceeds what the
 * moving average allows (release only slows the way up), so the bound holds for any signal.
 */
import { linearOf, TruePeak } from './true-peak';

const RAMP = 48;
const BEFORE = 18;
const AFTER = 8;
/** Look-ahead delay, frames (about 1.4 ms at 48 kHz). */
export const LIMITER_DELAY = RAMP - 1 + BEFORE;
const HOLD = LIMITER_DELAY + AFTER + 1;
const SIZE = 128; // power of two above every span
const MASK = SIZE - 1;
/** A hair under the ceiling: the interpolator is an estimate, and gain changes inside its span shift peaks slightly. */
const SAFETY_DB = 0.05;

export class TruePeakLimiter {
  private readonly ceiling: number;
  private readonly release: number;
  private readonly tpl = new TruePeak();
  private readonly tpr = new TruePeak();
  private readonly delayL = new Float64Array(SIZE);
  private readonly delayR = new Float64Array(SIZE);
  /** Monotonic deque of (frame index, need) for the sliding minimum. */
  private readonly dqIndex = new Float64Array(SIZE);
  private readonly dqValue = new Float64Array(SIZE);
  private dqHead = 0;
  private dqTail = 0;
  private readonly ramp = new Float64Array(SIZE);
  private rampSum = RAMP;
  private frame = 0;
  private gain = 1;
  /** The lowest gain applied since the last `takeMinGain()`. */
  private minGain = 1;

  constructor(sampleRate: number, ceilingDbtp = -1) {
    this.ceiling = linearOf(ceilingDbtp - SAFETY_DB);
    this.release = 1 - Math.exp(-1 / (0.15 * sampleRate));
    this.ramp.fill(1);
  }

  /** Limit one block in place (out may alias in). */
  process(inL: Float32Array, inR: Float32Array, outL: Float32Array, outR: Float32Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const l = inL[i]!;
      const r = inR[i]!;
      const f = this.frame;
      const peak = Math.max(this.tpl.push(l), this.tpr.push(r));
      const need = peak > this.ceiling ? this.ceiling / peak : 1;
      // Sliding minimum over HOLD frames: drop larger needs from the back, expired ones from the front.
      while (this.dqTail > this.dqHead && this.dqValue[(this.dqTail - 1) & MASK]! >= need) this.dqTail--;
      this.dqIndex[this.dqTail & MASK] = f;
      this.dqValue[this.dqTail & MASK] = need;
      this.dqTail++;
      while (this.dqIndex[this.dqHead & MASK]! <= f - HOLD) this.dqHead++;
      const held = this.dqValue[this.dqHead & MASK]!;
      // Moving average over RAMP frames of the held need.
      this.rampSum += held - this.ramp[(f - RAMP) & MASK]!;
      this.ramp[f & MASK] = held;
      // Exact sum now and then, so float drift cannot build up over hours.
      if ((f & 0xffff) === 0) this.rampSum = this.exactRampSum(f);
      const smooth = Math.min(1, this.rampSum / RAMP);
      this.gain = smooth < this.gain ? smooth : Math.min(smooth, this.gain + (smooth - this.gain) * this.release);
      if (this.gain < this.minGain) this.minGain = this.gain;
      // Delay line: the frame written now leaves LIMITER_DELAY frames later.
      this.delayL[f & MASK] = l;
      this.delayR[f & MASK] = r;
      const out = (f - LIMITER_DELAY) & MASK;
      outL[i] = this.delayL[out]! * this.gain;
      outR[i] = this.delayR[out]! * this.gain;
      this.frame = f + 1;
    }
  }

  /** The deepest gain reduction (dB, <= 0) since the last call. */
  takeReductionDb(): number {
    const g = this.minGain;
    this.minGain = this.gain;
    return 20 * Math.log10(g);
  }

  private exactRampSum(f: number): number {
    let sum = 0;
    for (let k = 0; k < RAMP; k++) sum += this.ramp[(f - k) & MASK]!;
    return sum;
  }
}
