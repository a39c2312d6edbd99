import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

export type AlertProps = Omit<HTMLAttributes<HTMLDivElement>, 'title'> & {
  /** Default info. `error` renders role="alert" (announced at once); others role="status". */
  tone?: AlertTone;
  /** Bold first line. */
  title?: ReactNode;
  /** A button or link on the right, e.g. "Try again". */
  action?: ReactNode;
};

const TONES: Record<AlertTone, string> = {
  info: 'border-line bg-panel-raised text-ink',
  success: 'border-ok/40 bg-ok/10 text-ink',
  warning: 'border-warn/40 bg-warn/10 text-ink',
  error: 'border-danger/50 bg-danger/10 text-ink',
};

const MARKS: Record<AlertTone, string> = { info: 'i', success: '✓', warning: '!', error: '!' };
const MARK_COLOURS: Record<AlertTone, string> = {
  info: 'bg-muted/30 text-ink',
  success: 'bg-ok text-bg',
  warning: 'bg-warn text-bg',
  error: 'bg-danger text-bg',
};

/** A message box for errors, warnings and notes. */
export function Alert({ tone = 'info', title, action, className, children, ...rest }: AlertProps) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cx('flex items-start gap-3 rounded-lg border p-3 text-sm', TONES[tone], className)}
      {...rest}
    >
      <span
        aria-hidden="true"
        className={cx('mt-0.5 grid size-5 shrink-0 place-items-center rounded-full text-xs font-bold', MARK_COLOURS[tone])}
      >
        {MARKS[tone]}
      </span>
      <div className="min-w-0 flex-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className={title ? 'mt-0.5 text-muted' : undefined}>{children}</div>}
      </div>
      {action && <div className="shrink-0">{action}</div>}
    </div>
  );
}
