import 'server-only';
import { RoomServiceClient, WebhookReceiver } from 'livekit-server-sdk';
import { getEnv, livekitApiUrl } from '../env';

let roomService: RoomServiceClient | undefined;
let webhookReceiver: WebhookReceiver | undefined;

export function getRoomService(): RoomServiceClient {
  const env = getEnv();
  // A short timeout: a hung LiveKit must read as down (the reconciler and health check rely on it).
  roomService ??= new RoomServiceClient(livekitApiUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
    requestTimeout: 5,
  });
  return roomService;
}

export function getWebhookReceiver(): WebhookReceiver {
  const env = getEnv();
  webhookReceiver ??= new WebhookReceiver(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
  return webhookReceiver;
}
