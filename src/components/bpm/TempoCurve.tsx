import type { CurvePoint } from '@/hooks/lib/bpm-state';

const W = 600;
const H = 80;

/** The set's tempo over time as a line; gaps where there was no beat. */
export function TempoCurve({ points }: { points: readonly CurvePoint[] }) {
  const beats = points.filter((p): p is { at: number; bpm: number } => p.bpm !== null);
  if (beats.length < 2) {
    return (
      <p data-testid="bpm-curve" data-points={beats.length} className="text-sm text-muted">
        The tempo curve of the set appears here.
      </p>
    );
  }
  const t0 = points[0]?.at ?? 0;
  const t1 = points.at(-1)?.at ?? t0 + 1;
  const lo = Math.floor(Math.min(...beats.map((p) => p.bpm)) - 2);
  const hi = Math.ceil(Math.max(...beats.map((p) => p.bpm)) + 2);
  const x = (at: number) => ((at - t0) / Math.max(1, t1 - t0)) * W;
  const y = (bpm: number) => H - ((bpm - lo) / Math.max(1, hi - lo)) * H;
  // One path with a new segment after every gap.
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.bpm === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.at).toFixed(1)},${y(p.bpm).toFixed(1)}`;
    pen = true;
  }
  const minutes = Math.round((t1 - t0) / 60_000);
  return (
    <figure data-testid="bpm-curve" data-points={beats.length} className="flex flex-col gap-1">
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className="h-20 w-full" role="img" aria-label={`Tempo from ${lo} to ${hi} BPM over ${minutes} minutes`}>
        <path d={d} fill="none" stroke="currentColor" strokeWidth={2} vectorEffect="non-scaling-stroke" className="text-accent" />
      </svg>
      <figcaption className="flex justify-between text-xs text-muted">
        <span>{lo}–{hi} BPM</span>
        <span>{minutes < 1 ? 'last minute' : `last ${minutes} min`}</span>
      </figcaption>
    </figure>
  );
}
