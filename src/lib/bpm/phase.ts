import type { Tempogram } from './tempogram';

const BEATS = 4;

/**
 * Frames back from the newest envelope value to the most recent beat: the offset in [0, period)
 * whose comb over the last four beats collects the most onset strength.
 */
export function beatPhase(tg: Tempogram, period: number): number {
  const max = Math.min(Math.floor(period), tg.frames - 1);
  let best = 0;
  let bestSum = -Infinity;
  for (let phi = 0; phi < max; phi++) {
    let sum = 0;
    for (let k = 0; k < BEATS; k++) {
      const back = Math.round(phi + k * period);
      if (back >= tg.frames) break;
      sum += tg.at(back);
    }
    if (sum > bestSum) {
      bestSum = sum;
      best = phi;
    }
  }
  return best;
}
