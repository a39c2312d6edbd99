'use client';
import type { ChannelState } from '@/types/channel';
import { useEventStream } from './useEventStream';

/** One channel's live state (on air, DJ, listener count) and its now/next slots, pushed by the server. */
export function useChannelStatus(initial: ChannelState) {
  const slug = encodeURIComponent(initial.channel.slug);
  const { data, stale } = useEventStream<ChannelState>(`/api/channels/${slug}/events`, `/api/channels/${slug}/state`, initial);
  return { state: data, channel: data.channel, error: stale };
}
