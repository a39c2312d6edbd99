'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionView } from '@/types/action';
import { ApiError, getAction, retryAction, startPolling } from '@/lib/api-client';

/** While an action is pending its state is asked for about once a second. */
const POLL_MS = 1_000;

/**
 * The last action a control started (kick, disable, New key, remove): follows it while its
 * LiveKit side is pending, and retries it when it failed.
 */
export function usePendingAction(onDone?: () => void) {
  const [action, setAction] = useState<ActionView | null>(null);
  const [retrying, setRetrying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const doneRef = useRef(onDone);
  useEffect(() => {
    doneRef.current = onDone;
  }, [onDone]);

  const id = action?.id;
  const pending = action?.status === 'pending';
  useEffect(() => {
    if (!id || !pending) return;
    // A failed poll is simply tried again; the state shown stays "pending".
    return startPolling({
      load: (signal) => getAction(id, signal),
      intervalMs: POLL_MS,
      onData: (body) => {
        setAction(body.action);
        if (body.action.status === 'done') doneRef.current?.();
      },
    });
  }, [id, pending]);

  const retry = useCallback(async () => {
    if (!id) return;
    setRetrying(true);
    setError(null);
    try {
      const body = await retryAction(id);
      setAction(body.action);
      if (body.action.status === 'done') doneRef.current?.();
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : 'Something went wrong.');
    } finally {
      setRetrying(false);
    }
  }, [id]);

  /** Shows an action a response carried (200 done, 202 pending); null clears it. */
  const track = useCallback((next: ActionView | null | undefined) => {
    setError(null);
    setAction(next ?? null);
  }, []);

  return { action, track, retry, retrying, error };
}
