'use client';
import type { ChannelSummary } from '@/types/channel';
import { usePolledJson } from './usePolledJson';
import { CHANNEL_POLL_MS } from './useChannels';

/** One channel's live state (on air, DJ, listener count), refreshed every few seconds. */
export function useChannelStatus(initial: ChannelSummary) {
  const { data, error } = usePolledJson<ChannelSummary>(
    `/api/channels/${encodeURIComponent(initial.slug)}`,
    CHANNEL_POLL_MS,
    initial,
  );
  return { channel: data, error };
}
