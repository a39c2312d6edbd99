'use client';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { cx } from '@/components/ui/cx';
import { actionStateText, actionStateTitle, type ActionView } from '@/types/action';

export type ActionStatusProps = {
  action: ActionView | null;
  onRetry: () => void;
  retrying: boolean;
  error?: string | null;
  className?: string;
};

/**
 * An action's LiveKit side when it is not simply done: pending (retrying by itself) or failed, with
 * Retry. The button sits under the text, and long errors (URLs) wrap, so it fits a 390 px phone.
 */
export function ActionStatus({ action, onRetry, retrying, error, className }: ActionStatusProps) {
  if (!action || (action.status === 'done' && !error)) return null;
  const failed = action.status === 'failed';
  return (
    <Alert
      tone={failed ? 'error' : 'warning'}
      title={actionStateTitle(action.status)}
      className={cx('[overflow-wrap:anywhere]', className)}
      data-testid="action-status"
      data-state={action.status}
    >
      <p>
        {actionStateText(action)}
        {error ? ` ${error}` : ''}
      </p>
      {/* Pending retries by itself with backoff; "Retry now" skips the wait (e.g. LiveKit is back). */}
      <Button size="sm" variant="secondary" className="mt-2" busy={retrying} onClick={onRetry} data-testid="action-retry">
        {failed ? 'Retry' : 'Retry now'}
      </Button>
    </Alert>
  );
}
