import 'server-only';
import { IngressClient } from 'livekit-server-sdk';
import { getEnv, livekitApiUrl } from '../env';

let client: IngressClient | undefined;

export function getIngressClient(): IngressClient {
  const env = getEnv();
  client ??= new IngressClient(livekitApiUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
  return client;
}
