import { Alert } from './Alert';
import { Button } from './Button';
import { cx } from './cx';

export type FormActionsProps = {
  /** The form's error, shown above the buttons. */
  error: string | null;
  pending: boolean;
  submitLabel: string;
  /** Shows a Cancel button (editing an existing item). */
  onCancel?: () => void;
  /** Grid span of the row in the form's grid, e.g. `sm:col-span-2`. */
  span?: string;
  size?: 'sm';
  errorTestId?: string;
  /** Submit disabled (e.g. until the page is hydrated, so a click never posts the form natively). */
  disabled?: boolean;
};

/** The last row of a form: its error, the submit button, and Cancel when editing. */
export function FormActions({ error, pending, submitLabel, onCancel, span, size, errorTestId, disabled }: FormActionsProps) {
  return (
    <>
      {error && (
        <Alert tone="error" className={span} data-testid={errorTestId}>
          {error}
        </Alert>
      )}
      <div className={cx('flex gap-2', span)}>
        <Button type="submit" size={size} busy={pending} disabled={disabled}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </>
  );
}
