'use client';
import type { LiveTempo } from '@/types/bpm';
import { BeatPulse } from './BeatPulse';

/** The DJ's tempo on the listener page, with a beat pulse. */
export function ListenerTempo({ tempo }: { tempo: LiveTempo | null }) {
  if (!tempo) return null;
  return (
    <p data-testid="listener-bpm" data-bpm={tempo.bpm === null ? '' : tempo.bpm.toFixed(1)} className="flex items-center gap-2 text-sm">
      <BeatPulse bpm={tempo.bpm} lastBeat={tempo.beatAt} className="size-3" data-testid="listener-bpm-pulse" />
      {tempo.bpm === null ? (
        <span className="text-muted">no beat</span>
      ) : (
        <span className="font-semibold tabular-nums">{tempo.bpm.toFixed(1)} BPM</span>
      )}
    </p>
  );
}
