import { CURVE_INTERVAL_MS, type CurvePoint } from '@/lib/client/tempo/tempo-state';
import { curveGeometry } from '@/lib/client/tempo/tempo-curve';

const W = 600;
const H = 80;

/** The set's tempo over time as a line; gaps where there was no beat (same geometry as past sets). */
export function TempoCurve({ points }: { points: readonly CurvePoint[] }) {
  const beats = points.filter((p): p is { at: number; bpm: number } => p.bpm !== null);
  if (beats.length < 2) {
    return (
      <p data-testid="bpm-curve" data-points={beats.length} className="text-sm text-muted">
        The tempo curve of the set appears here.
      </p>
    );
  }
  const g = curveGeometry(points, W, H, CURVE_INTERVAL_MS * 3);
  if (!g) return null;
  const { d, lo, hi, t0, t1 } = g;
  const minutes = Math.round((t1 - t0) / 60_000);
  return (
    <figure data-testid="bpm-curve" data-points={beats.length} className="flex flex-col gap-1">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="h-20 w-full"
        role="img"
        aria-label={`Tempo from ${lo} to ${hi} BPM over ${minutes} minutes`}
      >
        <path d={d} fill="none" stroke="currentColor" strokeWidth={2} vectorEffect="non-scaling-stroke" className="text-accent" />
      </svg>
      <figcaption className="flex justify-between text-xs text-muted">
        <span>
          {lo}–{hi} BPM
        </span>
        <span>{minutes < 1 ? 'last minute' : `last ${minutes} min`}</span>
      </figcaption>
    </figure>
  );
}
