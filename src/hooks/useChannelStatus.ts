'use client';
import type { ChannelState } from '@/types/channel';
import { useEventStream } from './useEventStream';

/**
 * One channel's live state (on air, DJ, listener count) and its now/next slots, pushed by the
 * server. With `hlsListener` the stream is opened as an HLS listener's (`?hls=1`): HLS
 * listeners are not in the LiveKit room, so the server counts these open streams instead.
 */
export function useChannelStatus(initial: ChannelState, hlsListener = false) {
  const slug = encodeURIComponent(initial.channel.slug);
  const events = `/api/channels/${slug}/events${hlsListener ? '?hls=1' : ''}`;
  const { data, stale } = useEventStream<ChannelState>(events, `/api/channels/${slug}/state`, initial);
  return { state: data, channel: data.channel, error: stale };
}
