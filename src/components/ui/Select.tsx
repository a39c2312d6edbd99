import type { ComponentProps } from 'react';
import { controlClasses } from './Field';

export type SelectProps = ComponentProps<'select'> & {
  /** Red border and aria-invalid. */
  invalid?: boolean;
};

/** A native select (keyboard and screen-reader friendly); pair with <Field> for the label. */
export function Select({ invalid, className, ...rest }: SelectProps) {
  return <select aria-invalid={invalid || undefined} className={controlClasses(invalid, `pr-8 ${className ?? ''}`)} {...rest} />;
}
