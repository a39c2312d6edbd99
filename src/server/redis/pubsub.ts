import 'server-only';
import type { Redis } from 'ioredis';
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

/** SUBSCRIBE until it succeeds (ioredis itself re-subscribes after a reconnect only what succeeded). */
function listen(sub: Redis, key: string, failures = 0): void {
  sub.subscribe(key).catch((err: unknown) => {
    if (failures === 0) console.warn(`[redis] could not subscribe to ${key} (retrying every second): ${String(err)}`);
    setTimeout(() => listen(sub, key, failures + 1), 1_000).unref();
  });
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
    listen(sub, key);
  }
  set.add(handler);
  return () => void set.delete(handler);
}
