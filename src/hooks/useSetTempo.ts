'use client';
import { useEffect, useState } from 'react';
import { ApiError, fetchJson } from '@/lib/api-client/fetch-json';
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
    if (!broadcastId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const url = `/api/channels/${encodeURIComponent(slug)}/broadcasts/${encodeURIComponent(broadcastId)}/tempo`;
    const load = async () => {
      setState((s) => (s.data?.broadcast.id === broadcastId ? s : { data: null, loading: true, error: null }));
      try {
        const data = await fetchJson<BroadcastTempoResponse>(url, { cache: 'no-store', signal: controller.signal });
        setState({ data, loading: false, error: null });
        if (data.broadcast.endedAt === null) timer = setTimeout(() => void load(), RUNNING_REFRESH_MS);
      } catch (e) {
        if (!controller.signal.aborted) setState((s) => ({ ...s, loading: false, error: e instanceof ApiError ? e.message : String(e) }));
      }
    };
    // The server-rendered curve of a finished set is complete: no need to fetch it again.
    if (seed?.broadcast.endedAt == null) void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [slug, broadcastId, seed]);

  // A finished set's server-rendered curve is final; another set's data is never shown for this one.
  if (seed && seed.broadcast.endedAt !== null) return { data: seed, loading: false, error: null };
  if (state.data && state.data.broadcast.id !== broadcastId) return { data: seed, loading: true, error: null };
  return state.data ? state : { ...state, data: seed };
}
