import type { ReactNode } from 'react';
import { cx } from './cx';

export type FieldProps = {
  /** Visible label text. */
  label: ReactNode;
  /** id of the control inside; the label points at it. */
  htmlFor: string;
  /** Help text under the control (id `${htmlFor}-hint`). */
  hint?: ReactNode;
  /** Error text under the control (id `${htmlFor}-error`); mark the control `invalid` too. */
  error?: ReactNode;
  className?: string;
  /** The control: <Input>, <Select>, <textarea>… give it `aria-describedby={describedBy(id, hint, error)}`. */
  children: ReactNode;
};

/** ids for aria-describedby, matching what Field renders. */
export function describedBy(htmlFor: string, hint?: unknown, error?: unknown): string | undefined {
  const ids = [hint ? `${htmlFor}-hint` : null, error ? `${htmlFor}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label + control + hint/error, stacked. */
export function Field({ label, htmlFor, hint, error, className, children }: FieldProps) {
  return (
    <div className={cx('flex flex-col gap-1.5', className)}>
      <label htmlFor={htmlFor} className="text-sm font-medium text-ink">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${htmlFor}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${htmlFor}-error`} className="text-xs font-medium text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** Shared look for text inputs and selects. */
export function controlClasses(invalid: boolean | undefined, className?: string): string {
  return cx(
    'h-10 w-full rounded-md border bg-bg px-3 text-sm text-ink placeholder:text-muted/70',
    'disabled:cursor-not-allowed disabled:opacity-60',
    invalid ? 'border-danger' : 'border-line hover:border-muted',
    className,
  );
}
