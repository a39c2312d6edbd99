import 'server-only';
import { processSingleton } from '../singleton';
import { redisClient, redisKey, redisSubscriber } from './client';

type Handler = (message: string) => void;

const handlers = () => processSingleton('redis.handlers', () => new Map<string, Set<Handler>>());

/**
 * Sends a message to every process subscribed to `channel` (this one included). Fire and forget:
 * a lost notice costs latency only, since every reader also refreshes on its own timer.
 */
export function publish(channel: string, message: string): void {
  const client = redisClient();
  if (!client) return;
  client.publish(redisKey(channel), message).catch(() => undefined); // the client logs the outage once
}

/** Calls `handler` with every message on `channel`; returns the unsubscribe. A no-op without Redis. */
export function subscribe(channel: string, handler: Handler): () => void {
  const sub = redisSubscriber();
  if (!sub) return () => undefined;
  const key = redisKey(channel);
  const map = handlers();
  if (map.size === 0) {
    sub.on('message', (from: string, message: string) => {
      for (const h of handlers().get(from) ?? []) h(message);
    });
  }
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
    // ioredis re-subscribes by itself after a reconnect.
    sub.subscribe(key).catch((err: unknown) => console.warn(`[redis] could not subscribe to ${key}: ${String(err)}`));
  }
  set.add(handler);
  return () => void set.delete(handler);
}
