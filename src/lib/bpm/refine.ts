import type { Tempogram } from './tempogram';
import { STEPS_PER_OCTAVE } from './tracker';

/** Fine search around the winning grid tempo: sub-steps per grid step on each side. */
const REFINE_STEPS = 6;

/**
 * Best comb score in the grid step around `bpm`, then a parabola through the top three, into `out[0]`
 * (an array, not a return value: no boxed numbers on the audio thread).
 */
export function refineTempo(tg: Tempogram, bpm: number, out: Float64Array): void {
  const step = 2 ** (1 / (STEPS_PER_OCTAVE * REFINE_STEPS));
  let bestK = 0;
  let bestS = -Infinity;
  for (let k = -REFINE_STEPS; k <= REFINE_STEPS; k++) {
    tg.measure(bpm * step ** k);
    const s = tg.measured[0] ?? 0;
    if (s > bestS) {
      bestS = s;
      bestK = k;
    }
  }
  tg.measure(bpm * step ** (bestK - 1));
  const a = tg.measured[0] ?? 0;
  tg.measure(bpm * step ** (bestK + 1));
  const c = tg.measured[0] ?? 0;
  const denom = a - 2 * bestS + c;
  const offset = denom < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / denom)) : 0;
  out[0] = bpm * step ** (bestK + offset);
}
