'use client';
import { useEffect, useState } from 'react';
import { applyRelease, METER_FLOOR_DB, peakOf, toDbfs } from '@/lib/client/audio/level-math';

export type StereoLevels = { left: number; right: number };

const SILENT: StereoLevels = { left: METER_FLOOR_DB, right: METER_FLOOR_DB };
/** Smaller changes are invisible on the meter; skipping them saves renders. */
const MIN_CHANGE_DB = 0.5;

/** Peak levels in dBFS for a pair of analysers (L, R), sampled once per animation frame. */
export function useAudioLevels(analysers: readonly [AnalyserNode, AnalyserNode] | null): StereoLevels {
  const [levels, setLevels] = useState<StereoLevels>(SILENT);

  useEffect(() => {
    if (!analysers) return;
    const buffers = analysers.map((a) => new Float32Array(a.fftSize));
    // `held` follows the ballistics every frame; `shown` is what was last rendered.
    const held = [METER_FLOOR_DB, METER_FLOOR_DB];
    let shown = SILENT;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const elapsed = now - last;
      last = now;
      analysers.forEach((a, i) => {
        const buffer = buffers[i]!;
        a.getFloatTimeDomainData(buffer);
        held[i] = applyRelease(held[i]!, toDbfs(peakOf(buffer)), elapsed);
      });
      const [left, right] = held as [number, number];
      if (Math.abs(left - shown.left) >= MIN_CHANGE_DB || Math.abs(right - shown.right) >= MIN_CHANGE_DB) {
        shown = { left, right };
        setLevels(shown);
      }
      frame = requestAnimationFrame(tick);
    });
    return () => {
      cancelAnimationFrame(frame);
      setLevels(SILENT);
    };
  }, [analysers]);

  return levels;
}
