/** A stored tempo point: epoch ms, bpm null = no beat. */
export type TempoSample = { at: number; bpm: number | null };

export type CurveGeometry = {
  /** SVG path: one subpath per stretch with a beat, so "no beat" and missing points are gaps. */
  d: string;
  /** BPM at the bottom and top of the box. */
  lo: number;
  hi: number;
  /** Time (epoch ms) at the left and right edges. */
  t0: number;
  t1: number;
  /** Points with a beat. */
  beats: number;
};

/**
 * Lays a set's tempo curve into a width x height box. A point without a beat, or a pause
 * between points longer than `gapMs` (nothing was stored: no publisher tempo, app restart),
 * ends the line; a lone point between gaps is drawn as a short dash so it stays visible.
 */
export function curveGeometry(points: readonly TempoSample[], width: number, height: number, gapMs: number): CurveGeometry | null {
  const beats = points.filter((p): p is { at: number; bpm: number } => p.bpm !== null);
  const first = points[0];
  const last = points.at(-1);
  if (!beats.length || !first || !last) return null;
  const lo = Math.floor(Math.min(...beats.map((p) => p.bpm)) - 2);
  const hi = Math.ceil(Math.max(...beats.map((p) => p.bpm)) + 2);
  const t0 = first.at;
  const t1 = Math.max(last.at, t0 + 1);
  const x = (at: number) => ((at - t0) / (t1 - t0)) * width;
  const y = (bpm: number) => height - ((bpm - lo) / (hi - lo)) * height;
  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] | null = null;
  let prevAt: number | null = null;
  for (const p of points) {
    if (p.bpm === null || (prevAt !== null && p.at - prevAt > gapMs)) run = null;
    prevAt = p.at;
    if (p.bpm === null) continue;
    if (!run) runs.push((run = []));
    run.push({ x: x(p.at), y: y(p.bpm) });
  }
  const f = (n: number) => n.toFixed(1);
  const d = runs.map((r) => r.map((q, i) => `${i ? 'L' : 'M'}${f(q.x)},${f(q.y)}`).join('') + (r.length === 1 ? 'h2' : '')).join('');
  return { d, lo, hi, t0, t1, beats: beats.length };
}

/** Median BPM of the points with a beat (what a set "was" at), null without any. */
export function medianBpm(points: readonly TempoSample[]): number | null {
  const sorted = points.flatMap((p) => (p.bpm === null ? [] : [p.bpm])).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
