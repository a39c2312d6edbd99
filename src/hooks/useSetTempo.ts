'use client';
import { useEffect, useState } from 'react';
import { ApiError, getSetTempo, startPolling } from '@/lib/api-client';
import type { BroadcastTempoResponse } from '@/types/tempo';

/** How often the curve of a set that is still on air is fetched again. */
const RUNNING_REFRESH_MS = 10_000;

export type SetTempoState = { data: BroadcastTempoResponse | null; loading: boolean; error: string | null };

/**
 * One set's stored tempo curve. Starts from the server-rendered curve when it is the one asked
 * for; a set still on air is fetched again every 10 s, so its curve grows.
 */
export function useSetTempo(slug: string, broadcastId: string | null, initial: BroadcastTempoResponse | null): SetTempoState {
  const seed = initial && initial.broadcast.id === broadcastId ? initial : null;
  const [state, setState] = useState<SetTempoState>({ data: seed, loading: false, error: null });

  useEffect(() => {
    // The server-rendered curve of a finished set is complete: no need to fetch it again.
    if (!broadcastId || seed?.broadcast.endedAt != null) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- shows another set as loading until its first fetch answers (the fetch is the outside system).
    setState((s) => (s.data?.broadcast.id === broadcastId ? s : { data: null, loading: true, error: null }));
    return startPolling({
      load: (signal) => getSetTempo(slug, broadcastId, signal),
      intervalMs: RUNNING_REFRESH_MS,
      immediate: true,
      // A set still on air is fetched again, so its curve grows; a finished one is final.
      until: (data) => data.broadcast.endedAt !== null,
      stopOnError: true,
      onData: (data) => setState({ data, loading: false, error: null }),
      onError: (e) => setState((s) => ({ ...s, loading: false, error: e instanceof ApiError ? e.message : String(e) })),
    });
  }, [slug, broadcastId, seed]);

  // A finished set's server-rendered curve is final; another set's data is never shown for this one.
  if (seed && seed.broadcast.endedAt !== null) return { data: seed, loading: false, error: null };
  if (state.data && state.data.broadcast.id !== broadcastId) return { data: seed, loading: true, error: null };
  return state.data ? state : { ...state, data: seed };
}
