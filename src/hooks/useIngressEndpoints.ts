'use client';
import { useCallback, useEffect, useState } from 'react';
import type { IngressInputKind } from '@/types/room';
import type { ActionView } from '@/types/action';
import type { IngressEndpoint } from '@/types/ingress';
import { ApiError, createIngress, listIngress, removeIngress, rotateIngress, startPolling } from '@/lib/api-client';
import { removeEndpoint, upsertEndpoint } from '@/lib/client/ingress-endpoints';

/** How often the inputs' state (waiting, on air from OBS) is refreshed. */
const STATUS_POLL_MS = 5_000;

/** The signed-in DJ's OBS inputs on a channel: load, poll their state, create, rotate, remove. */
export function useIngressEndpoints(channelId: string) {
  const [endpoints, setEndpoints] = useState<IngressEndpoint[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(
    () =>
      startPolling({
        load: (signal) => listIngress(channelId, signal),
        intervalMs: STATUS_POLL_MS,
        immediate: true,
        onData: (body) => {
          setEndpoints(body.endpoints);
          setLoadError(null);
        },
        onError: (err) => setLoadError(err instanceof ApiError ? err.message : 'Could not load your OBS inputs.'),
      }),
    [channelId],
  );

  const create = useCallback(
    async (inputType: IngressInputKind) => {
      const endpoint = await createIngress(channelId, inputType);
      setEndpoints((list) => upsertEndpoint(list ?? [], endpoint));
    },
    [channelId],
  );

  /** Loads the inputs now: when an action finishes, its result shows at once instead of at the next poll. */
  const reload = useCallback(async () => {
    try {
      setEndpoints((await listIngress(channelId)).endpoints);
    } catch {
      // The next poll tries again and shows its error.
    }
  }, [channelId]);

  /** 200: the new key; 202: LiveKit's side pending (the new key too, once it exists). Returns the action to follow. */
  const rotate = useCallback(async (id: string): Promise<ActionView> => {
    const body = await rotateIngress(id);
    const { action, ...endpoint } = body;
    if (endpoint.streamKey) setEndpoints((list) => upsertEndpoint(list ?? [], endpoint as IngressEndpoint));
    return action;
  }, []);

  /** The input is gone at once; a 202 carries the action still removing it in LiveKit. */
  const remove = useCallback(async (id: string): Promise<ActionView | null> => {
    let action: ActionView | null = null;
    try {
      action = (await removeIngress(id))?.action ?? null;
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
    setEndpoints((list) => removeEndpoint(list ?? [], id));
    return action;
  }, []);

  return { endpoints, loadError, create, rotate, remove, reload };
}
