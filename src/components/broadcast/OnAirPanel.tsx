'use client';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { ListenerCount } from '@/components/channels/ListenerCount';
import { canGoLive, type BroadcastPhase } from '@/hooks/lib/broadcast-state';
import { formatClock } from '@/hooks/lib/format-duration';
import type { Problem } from '@/hooks/lib/problems';
import { useNow } from '@/hooks/useNow';
import { broadcastStatusText } from './broadcast-status-text';

export type OnAirPanelProps = {
  phase: BroadcastPhase;
  error: Problem | null;
  liveSince: number | null;
  listeners: number;
  /** Go live is possible (input ready). */
  ready: boolean;
  /** e.g. "Sign in" or "Try again", next to the error. */
  errorAction?: ReactNode;
  onGoLive: () => void;
  onStop: () => void;
};

/** Go live / Stop, the on-air state, set clock and audience. */
export function OnAirPanel({ phase, error, liveSince, listeners, ready, errorAction, onGoLive, onStop }: OnAirPanelProps) {
  const now = useNow(1_000);
  const onAir = phase === 'live' || phase === 'reconnecting';
  return (
    <Card
      title="Broadcast"
      actions={onAir ? <Badge tone="live" pulse>On air</Badge> : <Badge>Off air</Badge>}
      className={onAir ? 'border-onair/60' : undefined}
    >
      <div className="flex flex-wrap items-center gap-4">
        {canGoLive(phase) ? (
          <Button data-testid="go-live-button" size="lg" disabled={!ready} onClick={onGoLive}>
            <span aria-hidden="true">●</span> Go live
          </Button>
        ) : (
          <Button
            data-testid="stop-broadcast-button"
            variant="danger"
            size="lg"
            busy={phase === 'stopping'}
            onClick={onStop}
          >
            <span aria-hidden="true">■</span> {phase === 'connecting' ? 'Cancel' : 'Stop'}
          </Button>
        )}
        <div className="flex flex-col">
          <p data-testid="broadcast-status" data-state={phase} aria-live="polite" className="font-medium">
            {broadcastStatusText(phase)}
          </p>
          {onAir && liveSince !== null && now !== null && (
            <p className="font-mono text-sm text-muted tabular-nums">
              <span className="sr-only">Set time </span>
              {formatClock(now - liveSince)}
            </p>
          )}
        </div>
        {onAir && <ListenerCount count={listeners} className="ml-auto text-sm" />}
      </div>
      {error && (
        <Alert
          data-testid="broadcast-error"
          data-kind={error.kind}
          tone="error"
          className="mt-4"
          action={errorAction}
        >
          {error.message}
        </Alert>
      )}
    </Card>
  );
}
