'use client';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { ingressBadge, ingressStatusText } from '@/lib/client/ingress-endpoints';
import { useApiAction } from '@/hooks/useApiAction';
import { usePendingAction } from '@/hooks/usePendingAction';
import type { ActionView } from '@/types/action';
import type { IngressInputKind } from '@/types/room';
import { type IngressEndpoint, maskStreamKey } from '@/types/ingress';
import { ActionStatus } from '@/components/admin/ActionStatus';
import { CopyField } from './CopyField';
import { ObsSetupSteps } from './ObsSetupSteps';

const LABELS: Record<IngressInputKind, { title: string; hint: string }> = {
  rtmp: { title: 'RTMP', hint: 'Works with every OBS version and most DJ software.' },
  whip: { title: 'WHIP', hint: 'OBS 30 or newer; lower latency.' },
};

export type ObsInputProps = {
  input: IngressInputKind;
  endpoint: IngressEndpoint | null;
  onCreate: (input: IngressInputKind) => Promise<void>;
  /** Both answer with the action that finishes LiveKit's side (null: nothing left to do). */
  onRotate: (id: string) => Promise<ActionView | null>;
  onRemove: (id: string) => Promise<ActionView | null>;
  /** Called when a pending New key or removal finished in LiveKit (the new key exists now). */
  onSettled?: () => void;
};

/** One OBS input (RTMP or WHIP): set it up, or show its server, key, state and actions. */
export function ObsInput({ input, endpoint, onCreate, onRotate, onRemove, onSettled }: ObsInputProps) {
  const status = usePendingAction(onSettled);
  const action = useApiAction(async (what: 'create' | 'rotate' | 'remove') => {
    if (what === 'create') return onCreate(input);
    if (!endpoint) return;
    if (what === 'rotate') {
      if (!window.confirm('Make a new stream key? The current key stops working at once; OBS needs the new one.')) return;
      return status.track(await onRotate(endpoint.id));
    }
    if (!window.confirm(`Remove your ${LABELS[input].title} input? Its key stops working at once.`)) return;
    return status.track(await onRemove(endpoint.id));
  });
  const { title, hint } = LABELS[input];
  const badge = endpoint ? ingressBadge(endpoint) : null;

  return (
    <section data-testid={`obs-input-${input}`} className="flex flex-col gap-3 rounded-lg border border-line p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 className="font-semibold">{title}</h3>
          <p className="text-sm text-muted">{hint}</p>
        </div>
        {badge && (
          <Badge data-testid="obs-status" data-state={badge.state} tone={badge.tone} pulse={badge.state === 'live'}>
            {badge.label}
          </Badge>
        )}
      </div>
      {endpoint ? (
        <ObsInputDetails
          input={input}
          endpoint={endpoint}
          busy={action.pending}
          onRotate={() => void action.run('rotate')}
          onRemove={() => void action.run('remove')}
        />
      ) : (
        <div>
          <Button
            variant="secondary"
            size="sm"
            data-testid="obs-create-button"
            busy={action.pending}
            onClick={() => void action.run('create')}
          >
            Set up {title}
          </Button>
        </div>
      )}
      {action.error && <Alert tone="error">{action.error}</Alert>}
      <ActionStatus action={status.action} onRetry={() => void status.retry()} retrying={status.retrying} error={status.error} />
    </section>
  );
}

type ObsInputDetailsProps = {
  input: IngressInputKind;
  endpoint: IngressEndpoint;
  busy: boolean;
  onRotate: () => void;
  onRemove: () => void;
};

/** A set-up input: its state, server and key to copy into OBS, the steps, New key and Remove. */
function ObsInputDetails({ input, endpoint, busy, onRotate, onRemove }: ObsInputDetailsProps) {
  return (
    <>
      <p className="text-sm" data-testid="obs-status-text" aria-live="polite">
        {ingressStatusText(endpoint)}
      </p>
      <CopyField label="Server" value={endpoint.serverUrl} testId="obs-server-url" />
      <CopyField
        label={input === 'whip' ? 'Bearer token (stream key)' : 'Stream key'}
        value={endpoint.streamKey}
        masked={maskStreamKey(endpoint.streamKey)}
        testId="obs-stream-key"
      />
      <ObsSetupSteps input={input} />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" data-testid="obs-rotate-button" busy={busy} onClick={onRotate}>
          New key
        </Button>
        <Button variant="ghost" size="sm" data-testid="obs-remove-button" disabled={busy} onClick={onRemove}>
          Remove
        </Button>
      </div>
    </>
  );
}
