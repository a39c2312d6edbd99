'use client';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { actionStateText, type ActionView } from '@/types/action';

export type ActionStatusProps = {
  action: ActionView | null;
  onRetry: () => void;
  retrying: boolean;
  error?: string | null;
  className?: string;
};

/** An action's LiveKit side when it is not simply done: pending (retrying by itself) or failed, with Retry. */
export function ActionStatus({ action, onRetry, retrying, error, className }: ActionStatusProps) {
  if (!action || (action.status === 'done' && !error)) return null;
  const failed = action.status === 'failed';
  return (
    <Alert
      tone={failed ? 'error' : 'warning'}
      className={className}
      data-testid="action-status"
      data-state={action.status}
      action={
        // Pending retries by itself with backoff; "Retry now" skips the wait (e.g. LiveKit is back).
        <Button size="sm" variant="secondary" busy={retrying} onClick={onRetry} data-testid="action-retry">
          {failed ? 'Retry' : 'Retry now'}
        </Button>
      }
    >
      {actionStateText(action)}
      {error ? ` ${error}` : ''}
    </Alert>
  );
}
