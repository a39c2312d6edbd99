/**
 * Identifiable clicks for latencies longer than the click spacing (HLS, several seconds):
 * clicks with irregular, seeded gaps, so the lag that lines up sent and received clicks is
 * unique within the pattern's length. Pure; unit tested.
 */

/** Click start times (s) within one loop of the pattern: gaps between minGap and maxGap. */
export function clickTimes(count: number, minGap = 0.8, maxGap = 1.6, seed = 7): number[] {
  let x = seed;
  const random = () => {
    // xorshift32: deterministic, so the WAV and the analysis agree.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 10_000) / 10_000;
  };
  const out: number[] = [];
  let t = 0.5;
  for (let i = 0; i < count; i++) {
    out.push(t);
    t += minGap + random() * (maxGap - minGap);
  }
  return out;
}

/**
 * The lag (ms) at which the most sent clicks find a received click within `tolerance`,
 * searched from minLag to maxLag in 5 ms steps; then each sent click is paired with the
 * received click nearest sent + lag (within tolerance). Returns per-click lags.
 */
export function alignByPattern(
  sent: readonly number[],
  received: readonly number[],
  { minLag = 0, maxLag = 20_000, tolerance = 150 } = {},
): { lag: number; lags: number[]; unmatchedSent: number } {
  const r = [...received].sort((a, b) => a - b);
  const nearest = (t: number) => {
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((r[mid] ?? Infinity) < t) lo = mid + 1;
      else hi = mid;
    }
    const candidates = [r[lo - 1], r[lo]].filter((v): v is number => v !== undefined);
    return candidates.sort((a, b) => Math.abs(a - t) - Math.abs(b - t))[0];
  };
  let best = { lag: minLag, matches: -1 };
  for (let lag = minLag; lag <= maxLag; lag += 5) {
    let matches = 0;
    for (const t of sent) {
      const n = nearest(t + lag);
      if (n !== undefined && Math.abs(n - (t + lag)) <= tolerance) matches++;
    }
    if (matches > best.matches) best = { lag, matches };
  }
  const pair = (lag: number) => {
    const lags: number[] = [];
    for (const t of sent) {
      const n = nearest(t + lag);
      if (n !== undefined && Math.abs(n - (t + lag)) <= tolerance) lags.push(n - t);
    }
    return lags;
  };
  // The coarse search takes the first lag of a plateau as wide as the tolerance; centre it on the median.
  const coarse = pair(best.lag).sort((a, b) => a - b);
  const lag = coarse.length ? (coarse[Math.floor(coarse.length / 2)] ?? best.lag) : best.lag;
  const lags = pair(lag);
  return { lag, lags, unmatchedSent: sent.length - lags.length };
}
