// The LiveKit adapter: the SDK clients (built only here), webhook verification, tokens and grants,
// and thin calls the areas share. It imports nothing of ours but env: the use cases that span
// areas live in their own areas (tokens/, webhooks/, publishing/).
import 'server-only';
export { isRoomNotHosted, setIngressEnabled, setTracksMuted } from './calls';
export { getEgressClient, getIngressClient, getRoomService } from './clients';
export { djPermission, obsInputPermission } from './grants';
export { djIdentity, mintToken, signToken } from './tokens';
export { type ReceiverAudioStats, receiverAudioStats } from './receiver-stats';
export { verifyWebhook } from './webhook';
