import 'server-only';
import { Redis } from 'ioredis';
import { getEnv } from '../env';
import { processSingleton } from '../singleton';

/** Whether replicas share a Redis (APP_REDIS_URL): without it the app is one process and keeps all of this in memory. */
export const redisConfigured = (): boolean => getEnv().APP_REDIS_URL !== '';

/** A key or channel name under the app's prefix, so the app can share an instance with LiveKit. */
export const redisKey = (name: string): string => getEnv().APP_REDIS_KEY_PREFIX + name;

function connect(role: string, commandTimeout: number | undefined): Redis {
  const client = new Redis(getEnv().APP_REDIS_URL, {
    connectionName: `radio-${role}`,
    // Fail fast when Redis is away: limiters fall back to memory, the lease lapses on its own clock.
    maxRetriesPerRequest: 1,
    commandTimeout,
    connectTimeout: 2_000,
  });
  let failing = false;
  // One line per outage, not one per reconnect attempt.
  client.on('error', (err: Error) => {
    if (!failing) console.warn(`[redis] ${role} connection failed: ${err.message}`);
    failing = true;
  });
  // The connection never keeps a process alive: a command-line script (create-admin, backup) that
  // touched Redis through better-auth or a limiter exits when its work is done, as without Redis.
  client.on('connect', () => client.stream.unref());
  client.on('ready', () => {
    if (failing) console.info(`[redis] ${role} connection back`);
    failing = false;
  });
  return client;
}

/** A command unanswered this long fails (Redis away or the host starved): the lease's timing allows for two. */
export const COMMAND_TIMEOUT_MS = 1_500;

/** The process's command connection, or null when no Redis is configured. */
export function redisClient(): Redis | null {
  if (!redisConfigured()) return null;
  return processSingleton('redis.client', () => connect('commands', COMMAND_TIMEOUT_MS));
}

/** A second connection for SUBSCRIBE (a subscribed connection runs no other commands). */
export function redisSubscriber(): Redis | null {
  if (!redisConfigured()) return null;
  // No command timeout: a SUBSCRIBE sent while the connection is still being made just waits for it.
  return processSingleton('redis.subscriber', () => connect('subscriber', undefined));
}
