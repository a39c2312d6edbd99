'use client';
import { useEffect, useRef } from 'react';
import { beatPulse } from '@/lib/client/tempo/tempo-state';
import { cx } from '@/components/ui/cx';
import { usePrefersReducedMotion } from '@/hooks/usePrefersReducedMotion';

export type BeatPulseProps = {
  bpm: number | null;
  /** Epoch ms of a beat (the phase anchor), or null. */
  lastBeat: number | null;
  className?: string;
  'data-testid'?: string;
};

/**
 * A dot that flashes on every beat; animated straight on the element, so React renders nothing
 * per frame. With reduced motion asked for it stays still (lit while a beat is known): a flash
 * twice a second is exactly what that preference is for, and the BPM beside it says the tempo.
 */
export function BeatPulse({ bpm, lastBeat, className, ...rest }: BeatPulseProps) {
  const ref = useRef<HTMLSpanElement | null>(null);
  const still = usePrefersReducedMotion();
  const beating = bpm !== null && lastBeat !== null;

  useEffect(() => {
    const el = ref.current;
    if (!el || still) return;
    let frame = requestAnimationFrame(function tick() {
      const p = beatPulse(performance.timeOrigin + performance.now(), lastBeat, bpm);
      el.style.opacity = String(0.15 + 0.85 * p);
      el.style.transform = `scale(${0.8 + 0.4 * p})`;
      frame = requestAnimationFrame(tick);
    });
    return () => {
      cancelAnimationFrame(frame);
      // Back to the class's look, so a switch to reduced motion leaves no frame half-drawn.
      el.style.opacity = '';
      el.style.transform = '';
    };
  }, [bpm, lastBeat, still]);

  return (
    <span
      ref={ref}
      aria-hidden="true"
      data-beating={beating}
      data-motion={still ? 'reduced' : 'full'}
      className={cx('inline-block size-4 rounded-full bg-accent', still && beating ? 'opacity-100' : 'opacity-20', className)}
      data-testid={rest['data-testid']}
    />
  );
}
