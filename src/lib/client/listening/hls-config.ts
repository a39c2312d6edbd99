import type { HlsConfig } from 'hls.js';

const quickRetry = { maxNumRetry: 4, retryDelayMs: 500, maxRetryDelayMs: 2_000 };
const playlistPolicy = {
  default: { maxTimeToFirstByteMs: 2_000, maxLoadTimeMs: 4_000, timeoutRetry: quickRetry, errorRetry: quickRetry },
};

/**
 * Live-edge settings for our egress's HLS (2 s MPEG-TS segments, a 5-segment
 * live window, no partial segments). hls.js defaults hold three target
 * durations back (~9 s glass-to-glass here); these keep one segment back and
 * catch up by playing up to 10% faster instead of jumping (measured ~3.6 s).
 */
export const LIVE_EDGE_HLS_CONFIG: Partial<HlsConfig> = {
  lowLatencyMode: false,
  liveSyncDurationCount: 1,
  liveMaxLatencyDurationCount: 3,
  maxLiveSyncPlaybackRate: 1.1,
  backBufferLength: 4,
  manifestLoadPolicy: playlistPolicy,
  playlistLoadPolicy: playlistPolicy,
  fragLoadPolicy: {
    default: { maxTimeToFirstByteMs: 4_000, maxLoadTimeMs: 8_000, timeoutRetry: quickRetry, errorRetry: quickRetry },
  },
};
