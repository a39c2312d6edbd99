'use client';
import { Alert } from '@/components/ui/Alert';
import { Card } from '@/components/ui/Card';
import { endpointFor } from '@/lib/client/ingress-endpoints';
import { useIngressEndpoints } from '@/hooks/useIngressEndpoints';
import { INGRESS_INPUTS } from '@/types/room';
import { ObsInput } from './ObsInput';

/** Broadcasting from OBS instead of the browser: the DJ's own inputs on this channel. */
export function ObsPanel({ channelId }: { channelId: string }) {
  const { endpoints, loadError, create, rotate, remove, reload } = useIngressEndpoints(channelId);
  return (
    <Card
      data-testid="obs-panel"
      title="Broadcast from OBS"
      description="Stream from OBS (or DJ software that feeds it) instead of this page. The channel goes on air under your name while OBS streams."
    >
      {loadError && (
        <Alert tone="error" className="mb-4">
          {loadError}
        </Alert>
      )}
      {endpoints === null ? (
        !loadError && <p className="text-sm text-muted">Loading your OBS inputs…</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {INGRESS_INPUTS.map((input) => (
            <ObsInput
              key={input}
              input={input}
              endpoint={endpointFor(endpoints, input)}
              onCreate={create}
              onRotate={rotate}
              onRemove={remove}
              onSettled={reload}
            />
          ))}
        </div>
      )}
    </Card>
  );
}
