// Channels as the app lists them (with their live state and HLS), their admin changes, and the
// count of HLS listeners (whose live update streams are flagged).
import 'server-only';
export { MAX_STREAMS_PER_ADDRESS } from './hls-listener-registry';
export { countHlsStream, hlsListenerCount } from './hls-listeners';
export {
  channelExists,
  channelRowBySlug,
  getChannelBySlug,
  listAdminChannels,
  listChannelPage,
  listChannelRows,
  listChannels,
  summarizeChannels,
} from './queries';
export { createChannel, deleteChannel, updateChannel } from './service';
