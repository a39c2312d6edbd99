import 'server-only';
// Live streams (server-sent events): one per channel, one for the admin console.
export { channelState, stationState } from './snapshot';
export { streamsTask } from './task';
export { sseResponse } from './sse';
