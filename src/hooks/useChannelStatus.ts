'use client';
import { apiPaths } from '@/lib/api-client';
import { type ChannelState, channelStateSchema } from '@/types/live';
import { useEventStream } from './useEventStream';

/**
 * One channel's live state (on air, DJ, listener count) and its now/next slots, pushed by the
 * server. With `hlsListener` the stream is opened as an HLS listener's (`?hls=1`): HLS
 * listeners are not in the LiveKit room, so the server counts these open streams instead.
 */
export function useChannelStatus(initial: ChannelState, hlsListener = false) {
  const { slug } = initial.channel;
  const { data, stale } = useEventStream(
    channelStateSchema,
    apiPaths.channelEvents(slug, hlsListener),
    apiPaths.channelState(slug),
    initial,
  );
  return { state: data, channel: data.channel, error: stale };
}
