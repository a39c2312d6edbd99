'use client';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { useApiAction } from '@/hooks/useApiAction';
import { usePolled } from '@/hooks/usePolled';
import { listUnfinishedActions, retryAction } from '@/lib/api-client';
import { ACTION_LABELS, actionStateText } from '@/types/action';

const POLL_MS = 3_000;

/**
 * Actions whose LiveKit side is not done, from any admin or DJ, also after a reload: pending
 * (retrying by itself) or failed, each with Retry. Hidden while there are none.
 */
export function UnfinishedActions() {
  const { data } = usePolled('unfinished-actions', listUnfinishedActions, POLL_MS, { actions: [] });
  const retry = useApiAction(retryAction);
  if (data.actions.length === 0) return null;
  return (
    <Card title="Unfinished actions" description="The database side of these is done; LiveKit's side is still pending or failed.">
      {retry.error && (
        <Alert tone="error" className="mb-3">
          {retry.error}
        </Alert>
      )}
      <ul className="divide-y divide-line" data-testid="unfinished-actions">
        {data.actions.map((a) => (
          <li
            key={a.id}
            className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2 py-3 text-sm"
            data-testid="unfinished-action"
            data-state={a.status}
          >
            {/* Long errors (URLs) wrap anywhere: the row fits a 390 px phone. */}
            <p className="min-w-0 flex-1 basis-60 [overflow-wrap:anywhere]">
              <span className="font-medium">{ACTION_LABELS[a.kind]}</span>{' '}
              <time className="text-muted" dateTime={a.createdAt}>
                {new Date(a.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
              </time>
              <span className={a.status === 'failed' ? 'block text-danger' : 'block text-muted'}>{actionStateText(a)}</span>
            </p>
            <Button size="sm" variant="secondary" busy={retry.pending} onClick={() => void retry.run(a.id)}>
              {a.status === 'failed' ? 'Retry' : 'Retry now'}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
