import type { ComponentProps } from 'react';
import { controlClasses } from './Field';

export type InputProps = ComponentProps<'input'> & {
  /** Red border and aria-invalid. */
  invalid?: boolean;
};

/** A text-like input; pair with <Field> for the label. */
export function Input({ invalid, className, ...rest }: InputProps) {
  return <input aria-invalid={invalid || undefined} className={controlClasses(invalid, className)} {...rest} />;
}
