import type { ChannelHls } from '@/types/channel';

/** How the listener chose to listen: automatically, or pinned to one path by hand. */
export type ListenMode = 'auto' | 'webrtc' | 'hls';
export type ListenPath = 'webrtc' | 'hls';

/**
 * The path to play now. By hand wins when it can play; automatic picks HLS when
 * the room is full (the server says HLS is preferred) or WebRTC has failed, and
 * WebRTC otherwise (lowest latency). HLS is only usable once the channel has one.
 */
export function choosePath(mode: ListenMode, hls: ChannelHls | null, webrtcFailed: boolean): ListenPath {
  if (mode === 'webrtc') return 'webrtc';
  // By hand, HLS may wait for its first segments; automatically, only a ready stream counts.
  if (mode === 'hls') return hls ? 'hls' : 'webrtc';
  return hls?.ready && (hls.preferred || webrtcFailed) ? 'hls' : 'webrtc';
}

/** WebRTC counts as failed for the automatic choice when it errored or keeps reconnecting. */
export function webrtcFailed(phase: string, attempt: number): boolean {
  return phase === 'error' || (phase === 'reconnecting' && attempt >= 2);
}
