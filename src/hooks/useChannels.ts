'use client';
import { listChannels } from '@/lib/api-client';
import type { ChannelSummary } from '@/types/channel';
import { usePolled } from './usePolled';

export const CHANNEL_POLL_MS = 5_000;

/** Every channel with its live state, refreshed every few seconds. */
export function useChannels(initial: ChannelSummary[]) {
  const { data, error } = usePolled('channels', listChannels, CHANNEL_POLL_MS, { channels: initial });
  return { channels: data.channels, error };
}
