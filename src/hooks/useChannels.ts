'use client';
import type { ChannelListResponse, ChannelSummary } from '@/types/channel';
import { usePolledJson } from './usePolledJson';

export const CHANNEL_POLL_MS = 5_000;

/** Every channel with its live state, refreshed every few seconds. */
export function useChannels(initial: ChannelSummary[]) {
  const { data, error } = usePolledJson<ChannelListResponse>('/api/channels', CHANNEL_POLL_MS, {
    channels: initial,
  });
  return { channels: data.channels, error };
}
