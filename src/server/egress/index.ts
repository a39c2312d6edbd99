// Public entry of the egress area: HLS egress per on-air period (Broadcast) and per replay (ReplayHls),
// driven by webhooks, repaired by superviseEgress() in the background loop.
import 'server-only';
export { parseHosts } from './broadcasts';
export { reactToWebhook } from './events';
export { hlsHealth, type ChannelHlsHealth } from './health';
export { playlistFailing, playlistReason } from './health-plan';
export { channelPlaylistFile, currentLivePlaylist, liveHls, type LiveHls } from './playlist';
export { syncChannelEgress } from './service';
export { superviseEgress } from './supervise';
export { egressTask } from './task';
