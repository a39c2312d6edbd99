import 'server-only';
import { EgressClient, IngressClient, RoomServiceClient, WebhookReceiver } from 'livekit-server-sdk';
import { getEnv, livekitApiUrl } from '../env';

// The one place LiveKit SDK clients are built. Module-level, not processSingleton: a client holds
// no state worth sharing between Next's bundles, so each bundle building its own is harmless.
let roomService: RoomServiceClient | undefined;
let egressClient: EgressClient | undefined;
let ingressClient: IngressClient | undefined;
let webhookReceiver: WebhookReceiver | undefined;

export function getRoomService(): RoomServiceClient {
  const env = getEnv();
  // A short timeout: a hung LiveKit must read as down (the reconciler and health check rely on it).
  roomService ??= new RoomServiceClient(livekitApiUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
    requestTimeout: 5,
  });
  return roomService;
}

export function getEgressClient(): EgressClient {
  const env = getEnv();
  egressClient ??= new EgressClient(livekitApiUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
  return egressClient;
}

export function getIngressClient(): IngressClient {
  const env = getEnv();
  ingressClient ??= new IngressClient(livekitApiUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
  return ingressClient;
}

export function getWebhookReceiver(): WebhookReceiver {
  const env = getEnv();
  webhookReceiver ??= new WebhookReceiver(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
  return webhookReceiver;
}
