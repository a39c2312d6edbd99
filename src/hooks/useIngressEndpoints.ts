'use client';
import { useCallback, useEffect, useState } from 'react';
import type { IngressInputKind } from '@/types/broadcast';
import type { ActionResponse, ActionView } from '@/types/action';
import type { IngressEndpoint, IngressListResponse } from '@/types/ingress';
import { ApiError, fetchJson } from '@/lib/api-client/fetch-json';
import { removeEndpoint, upsertEndpoint } from '@/lib/client/ingress-endpoints';

/** How often the inputs' state (waiting, on air from OBS) is refreshed. */
const STATUS_POLL_MS = 5_000;

/** The signed-in DJ's OBS inputs on a channel: load, poll their state, create, rotate, remove. */
export function useIngressEndpoints(channelId: string) {
  const [endpoints, setEndpoints] = useState<IngressEndpoint[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const url = `/api/livekit/ingress?channelId=${encodeURIComponent(channelId)}`;
        const body = await fetchJson<IngressListResponse>(url, { cache: 'no-store', signal: controller.signal });
        setEndpoints(body.endpoints);
        setLoadError(null);
      } catch (err) {
        if (!controller.signal.aborted) setLoadError(err instanceof ApiError ? err.message : 'Could not load your OBS inputs.');
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void load(), STATUS_POLL_MS);
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [channelId]);

  const create = useCallback(
    async (inputType: IngressInputKind) => {
      const endpoint = await fetchJson<IngressEndpoint>('/api/livekit/ingress', {
        method: 'POST',
        body: JSON.stringify({ channelId, inputType }),
      });
      setEndpoints((list) => upsertEndpoint(list ?? [], endpoint));
    },
    [channelId],
  );

  /** 200: the new key; 202: LiveKit's side pending (the new key too, once it exists). Returns the action to follow. */
  const rotate = useCallback(async (id: string): Promise<ActionView> => {
    const body = await fetchJson<Partial<IngressEndpoint> & ActionResponse>(`/api/livekit/ingress/${encodeURIComponent(id)}/rotate`, {
      method: 'POST',
      body: '{}',
    });
    const { action, ...endpoint } = body;
    if (endpoint.streamKey) setEndpoints((list) => upsertEndpoint(list ?? [], endpoint as IngressEndpoint));
    return action;
  }, []);

  /** The input is gone at once; a 202 carries the action still removing it in LiveKit. */
  const remove = useCallback(async (id: string): Promise<ActionView | null> => {
    let action: ActionView | null = null;
    try {
      action = (await fetchJson<ActionResponse | null>(`/api/livekit/ingress/${encodeURIComponent(id)}`, { method: 'DELETE' }))?.action ?? null;
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 404)) throw err;
    }
    setEndpoints((list) => removeEndpoint(list ?? [], id));
    return action;
  }, []);

  return { endpoints, loadError, create, rotate, remove };
}
