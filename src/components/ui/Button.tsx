import type { ComponentProps } from 'react';
import { buttonClasses, type ButtonSize, type ButtonVariant } from './button-styles';

export type ButtonProps = ComponentProps<'button'> & {
  /** primary (amber, the main action), secondary, danger (red, e.g. Stop), ghost (quiet). Default primary. */
  variant?: ButtonVariant;
  /** sm | md | lg. Default md. */
  size?: ButtonSize;
  /** Shows a spinner, sets aria-busy and disables the button. */
  busy?: boolean;
};

/** A button; `type` defaults to "button" so it never submits a form by accident. */
export function Button({ variant, size, busy = false, disabled, className, children, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={buttonClasses({ variant, size }, className)}
      {...rest}
    >
      {busy && <span aria-hidden="true" className="size-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" />}
      {children}
    </button>
  );
}
