'use client';
import { useCallback } from 'react';
import { listChannels } from '@/lib/api-client';
import type { ChannelListResponse } from '@/types/channel';
import { usePolled } from './usePolled';

export const CHANNEL_POLL_MS = 5_000;

/** One page of the channel list (as the server rendered it) with live state, refreshed every few seconds. */
export function useChannels(initial: ChannelListResponse) {
  const { page, q } = initial;
  const load = useCallback((signal: AbortSignal) => listChannels(page, q, signal), [page, q]);
  const { data, error } = usePolled(`channels:${page}:${q}`, load, CHANNEL_POLL_MS, initial);
  return { list: data, error };
}
