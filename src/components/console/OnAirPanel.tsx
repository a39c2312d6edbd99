'use client';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { ListenerCount } from '@/components/channels/ListenerCount';
import { canGoLive, type PublishingPhase, type SlotWindow } from '@/lib/client/publishing/publishing-state';
import { formatClock } from '@/lib/client/format-duration';
import type { Problem } from '@/lib/client/publishing/problems';
import { useNow } from '@/hooks/useNow';
import { publishingStatusText } from './publishing-status-text';
import { slotCountdown } from './slot-countdown';
import type { Follow } from './next-slot-plan';

export type OnAirPanelProps = {
  phase: PublishingPhase;
  error: Problem | null;
  liveSince: number | null;
  /** The DJ's slot, for the countdown to its start (green room) or end (on air). */
  slot: SlotWindow;
  /** Who is on after the slot, for the last minute's warning. */
  follow: Follow;
  listeners: number;
  /** Go live is possible (input ready). */
  ready: boolean;
  /** e.g. "Sign in" or "Try again", next to the error. */
  errorAction?: ReactNode;
  onGoLive: () => void;
  onStop: () => void;
};

/** Go live / Stop, the on-air state, set clock and audience. */
export function OnAirPanel({ phase, error, liveSince, slot, follow, listeners, ready, errorAction, onGoLive, onStop }: OnAirPanelProps) {
  const now = useNow(250);
  const onAir = phase === 'live' || phase === 'reconnecting';
  const countdown = slotCountdown(phase, slot, now, follow);
  return (
    <Card
      title="Broadcast"
      actions={
        onAir ? (
          <Badge tone="live" pulse>
            On air
          </Badge>
        ) : (
          <Badge>{phase === 'waiting' ? 'Green room' : 'Off air'}</Badge>
        )
      }
      className={onAir ? 'border-onair/60' : undefined}
    >
      <div className="flex flex-wrap items-center gap-4">
        <OnAirButton phase={phase} ready={ready} onGoLive={onGoLive} onStop={onStop} />
        <div className="flex flex-col">
          <p data-testid="broadcast-status" data-state={phase} aria-live="polite" className="font-medium">
            {publishingStatusText(phase)}
          </p>
          {onAir && liveSince !== null && now !== null && (
            <p className="font-mono text-sm text-muted tabular-nums">
              <span className="sr-only">Set time </span>
              {formatClock(now - liveSince)}
            </p>
          )}
          {countdown && !countdown.warning && (
            <p data-testid="slot-countdown" className="font-mono text-sm tabular-nums">
              {countdown.text}
            </p>
          )}
        </div>
        {onAir && <ListenerCount count={listeners} className="ml-auto text-sm" />}
      </div>
      {countdown?.warning && (
        <Alert data-testid="slot-countdown" tone="warning" className="mt-4">
          {countdown.text}
        </Alert>
      )}
      {error && (
        <Alert
          data-testid="broadcast-error"
          data-kind={error.kind}
          // A slot ending is the plan, not a failure: said plainly, with the next slot.
          tone={error.kind === 'slot-ended' ? 'info' : 'error'}
          className="mt-4"
          action={errorAction}
        >
          {error.message}
        </Alert>
      )}
    </Card>
  );
}

type OnAirButtonProps = Pick<OnAirPanelProps, 'phase' | 'ready' | 'onGoLive' | 'onStop'>;

/** Go live while off air; Cancel while connecting or in the green room; Stop on air. */
function OnAirButton({ phase, ready, onGoLive, onStop }: OnAirButtonProps) {
  return canGoLive(phase) ? (
    <Button data-testid="go-live-button" size="lg" disabled={!ready} onClick={onGoLive}>
      <span aria-hidden="true">●</span> Go live
    </Button>
  ) : (
    <Button data-testid="stop-broadcast-button" variant="danger" size="lg" busy={phase === 'stopping'} onClick={onStop}>
      <span aria-hidden="true">■</span> {phase === 'connecting' || phase === 'waiting' ? 'Cancel' : 'Stop'}
    </Button>
  );
}
