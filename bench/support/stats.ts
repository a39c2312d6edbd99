/** Small, dependency-free statistics for the bench printouts. */

export type Summary = { count: number; min: number; median: number; p95: number; max: number; mean: number };

/** Linear-interpolated quantile (numpy's default, "type 7") of ascending `sorted`; q in [0, 1]. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of an empty list');
  if (q < 0 || q > 1) throw new Error(`quantile ${q} is outside [0, 1]`);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? NaN;
  const b = sorted[hi] ?? NaN;
  return a + (b - a) * (pos - lo);
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('summary of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    min: sorted[0] ?? NaN,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted.at(-1) ?? NaN,
    mean: sorted.reduce((s, v) => s + v, 0) / sorted.length,
  };
}

export type Pairing = {
  /** received - sent, one per matched pair, in send order. */
  lags: number[];
  unmatchedSent: number;
  unmatchedReceived: number;
};

/**
 * Pairs each sent onset with the first not-yet-used received onset after it, within
 * `maxLag` (so a click lost on the way cannot shift every later pair by one period).
 * Both lists are timestamps on the same clock; they need not be sorted.
 */
export function pairOnsets(sent: readonly number[], received: readonly number[], maxLag: number): Pairing {
  const s = [...sent].sort((a, b) => a - b);
  const r = [...received].sort((a, b) => a - b);
  const lags: number[] = [];
  let j = 0;
  for (const t of s) {
    while (j < r.length && (r[j] ?? Infinity) < t) j++;
    const candidate = r[j];
    if (candidate !== undefined && candidate - t <= maxLag) {
      lags.push(candidate - t);
      j++;
    }
  }
  return { lags, unmatchedSent: s.length - lags.length, unmatchedReceived: r.length - lags.length };
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;

export function formatSummary(s: Summary): string {
  return `n=${s.count} min=${ms(s.min)} median=${ms(s.median)} p95=${ms(s.p95)} max=${ms(s.max)}`;
}

export type LinearFit = { slope: number; intercept: number; r2: number; points: number };

/** Ordinary least squares y = intercept + slope * x; r2 is 1 for a perfect line (and when y does not vary). */
export function linearFit(xs: readonly number[], ys: readonly number[]): LinearFit {
  const n = xs.length;
  if (n < 2 || ys.length !== n) throw new Error(`a line needs two or more (x, y) pairs, got ${n} and ${ys.length}`);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new Error('a line needs two different x values');
  const slope = sxy / sxx;
  const residual = syy - slope * sxy;
  return { slope, intercept: my - slope * mx, r2: syy === 0 ? 1 : 1 - residual / syy, points: n };
}
