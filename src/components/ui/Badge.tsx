import type { HTMLAttributes } from 'react';
import { cx } from './cx';

export type BadgeTone = 'neutral' | 'live' | 'accent' | 'success' | 'warning' | 'danger';

export type BadgeProps = HTMLAttributes<HTMLSpanElement> & {
  /** Colour; `live` is the red ON AIR look. Default neutral. */
  tone?: BadgeTone;
  /** Glow softly (only with motion allowed), for a live indicator. */
  pulse?: boolean;
};

const TONES: Record<BadgeTone, string> = {
  neutral: 'border-line bg-panel-raised text-muted',
  live: 'border-onair bg-onair text-white',
  accent: 'border-accent/50 bg-accent/15 text-accent',
  success: 'border-ok/50 bg-ok/15 text-ok',
  warning: 'border-warn/50 bg-warn/15 text-warn',
  danger: 'border-danger/50 bg-danger/15 text-danger',
};

/** A small uppercase label. */
export function Badge({ tone = 'neutral', pulse = false, className, ...rest }: BadgeProps) {
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1.5 rounded border px-2 py-0.5 text-xs font-bold tracking-widest uppercase',
        TONES[tone],
        pulse && 'onair-glow',
        className,
      )}
      {...rest}
    />
  );
}
