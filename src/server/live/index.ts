import 'server-only';
// Live streams (server-sent events): one per channel, one for the admin console.
export { notifyStreams, streamsTask } from './hub';
export { channelState, registerChannelField, stationState } from './snapshot';
export { sseResponse } from './sse';
