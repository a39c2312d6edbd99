// The LiveKit adapter: the SDK clients (built only here), webhook verification, tokens and grants,
// and thin calls the areas share. It imports nothing of ours but env: the use cases that span
// areas live in their own areas (tokens/, webhooks/, publishing/).
import 'server-only';
export { isRoomNotHosted, setIngressEnabled, setTracksMuted } from './calls';
export { getEgressClient, getIngressClient, getRoomService } from './clients';
export { djGrant, djPermission, grantFor, ttlFor } from './grants';
export { djIdentity, mintToken, type TokenSubject } from './tokens';
export { verifyWebhook } from './webhook';
