import 'server-only';
import { getEnv } from '../env';

export type PushConfig = {
  publicKey: string;
  privateKey: string;
  /** mailto: or https: (web-push refuses anything else). */
  subject: string;
  hosts: string[];
};

/** Follow's settings, or null when no VAPID pair is configured (Follow is off). */
export function pushConfig(): PushConfig | null {
  const env = getEnv();
  if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY) return null;
  const app = new URL(env.APP_URL);
  // A push service may contact this subject about our traffic; an http: APP_URL is a local stack.
  const subject = env.VAPID_SUBJECT || (app.protocol === 'https:' ? app.origin : `mailto:push@${app.hostname}`);
  return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject, hosts: env.PUSH_SERVICE_HOSTS.split(/ +/) };
}

/** The key browsers subscribe with (public), or null when Follow is off. */
export function pushPublicKey(): string | null {
  return pushConfig()?.publicKey ?? null;
}
