import 'server-only';
import { type Env, parseEnv } from './env.schema';

let cached: Env | undefined;

/** The validated environment, parsed once on first use (so `next build` needs no secrets). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** LiveKit's HTTP API URL: explicit, or LIVEKIT_URL with ws(s) swapped for http(s). */
export function livekitApiUrl(env: Env = getEnv()): string {
  return env.LIVEKIT_API_URL || env.LIVEKIT_URL.replace(/^ws/, 'http');
}

/** Where the app itself joins rooms (@livekit/rtc-node): the SDK speaks signalling on the API's host and port. */
export function livekitServerWsUrl(env: Env = getEnv()): string {
  return livekitApiUrl(env).replace(/^http/, 'ws');
}
