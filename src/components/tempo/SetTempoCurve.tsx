import { curveGeometry, medianBpm, type TempoSample } from '@/lib/client/tempo/tempo-curve';

const W = 800;
const H = 160;
/** Points are stored every ~5 s: a pause of more than 2.5 of them is a gap, not a line. */
const GAP_MS = 12_500;

const clock = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** A stored set's tempo over time, with gaps where there was no beat (or nothing was stored). */
export function SetTempoCurve({ points }: { points: readonly TempoSample[] }) {
  const g = curveGeometry(points, W, H, GAP_MS);
  const median = medianBpm(points);
  if (!g) {
    return (
      <p data-testid="set-tempo-curve" data-beats={0} className="text-sm text-muted">
        {points.length ? 'No beat was detected in this set.' : 'No tempo was stored for this set.'}
      </p>
    );
  }
  return (
    <figure data-testid="set-tempo-curve" data-beats={g.beats} data-median-bpm={median?.toFixed(1) ?? ''} className="flex flex-col gap-1">
      <div className="flex gap-2">
        <div className="flex flex-col justify-between text-xs text-muted tabular-nums" aria-hidden="true">
          <span>{g.hi}</span>
          <span>{g.lo}</span>
        </div>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="none"
          className="h-40 w-full rounded-md bg-bg/60"
          role="img"
          aria-label={`Tempo between ${g.lo} and ${g.hi} BPM, median ${median?.toFixed(1)} BPM`}
        >
          <path
            d={g.d}
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinecap="round"
            vectorEffect="non-scaling-stroke"
            className="text-accent"
          />
        </svg>
      </div>
      <figcaption className="flex justify-between pl-8 text-xs text-muted">
        <span>{clock(g.t0)}</span>
        <span>median {median?.toFixed(1)} BPM · BPM axis left · gaps: no beat</span>
        <span>{clock(g.t1)}</span>
      </figcaption>
    </figure>
  );
}
