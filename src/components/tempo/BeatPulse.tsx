'use client';
import { useEffect, useRef } from 'react';
import { usePrefersReducedMotion } from '@/hooks/usePrefersReducedMotion';
import { beatPulse } from '@/lib/client/tempo/tempo-state';
import { cx } from '@/components/ui/cx';

export type BeatPulseProps = {
  bpm: number | null;
  /** Epoch ms of a beat (the phase anchor), or null. */
  lastBeat: number | null;
  className?: string;
  'data-testid'?: string;
};

/**
 * A dot that flashes on every beat; animated straight on the element, so React renders nothing per
 * frame. With reduced motion asked for, it stays still: lit while there is a beat, dim otherwise.
 */
export function BeatPulse({ bpm, lastBeat, className, ...rest }: BeatPulseProps) {
  const ref = useRef<HTMLSpanElement | null>(null);
  const reduced = usePrefersReducedMotion();
  const beating = bpm !== null && lastBeat !== null;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (reduced) {
      el.style.opacity = beating ? '1' : '';
      el.style.transform = '';
      return;
    }
    let frame = requestAnimationFrame(function tick() {
      const p = beatPulse(performance.timeOrigin + performance.now(), lastBeat, bpm);
      el.style.opacity = String(0.15 + 0.85 * p);
      el.style.transform = `scale(${0.8 + 0.4 * p})`;
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [bpm, lastBeat, reduced, beating]);

  return (
    <span
      ref={ref}
      aria-hidden="true"
      data-beating={beating}
      data-motion={reduced ? 'reduced' : 'full'}
      className={cx('inline-block size-4 rounded-full bg-accent opacity-20', className)}
      data-testid={rest['data-testid']}
    />
  );
}
