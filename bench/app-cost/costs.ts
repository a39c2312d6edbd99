// The app's costs from four measuring windows (pure, unit tested): CPU in cores (CPU-seconds per
// wall second) of the app server's processes.

export type Windows = {
  /** Nothing open, no webhooks. */
  base: number;
  /** `streams` event streams open, no webhooks (heartbeats only). */
  streams: number;
  /** No streams, `rate` webhooks a second. */
  hooks: number;
  /** `streams` open and `rate` webhooks a second, each changing the channel the streams follow. */
  both: number;
};

export type Costs = {
  /** Cores to hold 1,000 open, idle event streams. */
  coresPer1000Idle: number;
  /** CPU milliseconds to receive, verify and apply one webhook (no streams to update). */
  cpuMsPerWebhook: number;
  /** CPU microseconds per state frame written to one stream (the fan-out of an update). */
  cpuUsPerFrame: number;
  /** Cores for 1,000 streams that each receive one update a second. */
  coresPer1000AtOneUpdate: number;
};

export function appCosts(w: Windows, streams: number, webhooksPerSecond: number, framesPerSecond: number): Costs {
  const idle = Math.max(0, w.streams - w.base);
  const perHook = Math.max(0, w.hooks - w.base) / webhooksPerSecond;
  // What the streams cost while updates flow, less their idle cost and the webhooks' own.
  const fanOut = Math.max(0, w.both - w.hooks - idle);
  const perFrame = framesPerSecond > 0 ? fanOut / framesPerSecond : 0;
  return {
    coresPer1000Idle: (idle * 1000) / streams,
    cpuMsPerWebhook: perHook * 1000,
    cpuUsPerFrame: perFrame * 1e6,
    coresPer1000AtOneUpdate: (idle * 1000) / streams + perFrame * 1000,
  };
}
