'use client';
import { SetTempoCurve } from '@/components/tempo/SetTempoCurve';
import { clockAt, formatStartTime, offsetAt, seekByKey, tempoNear } from '@/lib/archive/seek-plan';
import type { ArchivedSetDetail } from '@/types/archive';

/** As SetTempoCurve draws it: a point more than 12.5 s from the next starts a gap. */
const GAP_MS = 12_500;

type Props = { set: ArchivedSetDetail; position: number; seek: (seconds: number) => void };

/**
 * The set's tempo curve as a seek slider: a click plays from that moment of the clock, and the
 * keyboard moves the playhead (arrows 10 s, Page keys a tenth, Home and End), reading out the
 * time and the tempo there.
 */
export function CurveSeek({ set, position, seek }: Props) {
  const setStart = Date.parse(set.startedAt);
  const first = set.points[0];
  const last = set.points.at(-1);

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const svg = e.currentTarget.querySelector('svg');
    if (!svg || !first || !last) return;
    const box = svg.getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (e.clientX - box.left) / Math.max(1, box.width)));
    seek(offsetAt(set.timeline, first.at + f * Math.max(1, last.at - first.at), setStart));
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const to = seekByKey(e.key, position, set.seconds);
    if (to === null) return;
    e.preventDefault();
    seek(to);
  };

  const bpm = tempoNear(set.points, clockAt(set.timeline, position, setStart), GAP_MS);
  const now = Math.min(Math.round(position), Math.floor(set.seconds));
  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label="Play from a point on the tempo curve"
      aria-valuemin={0}
      aria-valuemax={Math.floor(set.seconds)}
      aria-valuenow={now}
      aria-valuetext={`${formatStartTime(position)}, ${bpm === null ? 'no beat' : `${bpm.toFixed(1)} BPM`}`}
      className="cursor-pointer rounded-md text-left focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
      onClick={onClick}
      onKeyDown={onKeyDown}
      data-testid="set-curve-seek"
    >
      <SetTempoCurve points={set.points} />
    </div>
  );
}
