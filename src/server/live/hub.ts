import 'server-only';
import { TASKS, wake } from '../loop';
import { processSingleton } from '../singleton';

/** One open event stream: receives SSE text. */
type Sink = { send: (text: string) => void; lastSentAt: number };

type Topic = { compute: () => Promise<unknown>; sinks: Set<Sink>; last: string | null };

/**
 * Comment lines keep proxies from closing an idle stream, and let the server notice a closed
 * one: behind a proxy (Caddy) a listener who left is seen only when a write to it fails, so
 * the HLS listener count and the per-client stream cap lag by up to two heartbeats.
 */
const HEARTBEAT_MS = 5_000;

// A process singleton: streams subscribe from route handlers, the loop refreshes them.
const topics = processSingleton('live.topics', () => new Map<string, Topic>());

const frame = (data: string) => `event: state\ndata: ${data}\n\n`;

/**
 * Adds a stream to a topic (e.g. "channel:<slug>" or "station"). Every topic is computed once per
 * refresh, whatever its number of streams, and sent only when it changed.
 */
export function subscribe(key: string, compute: () => Promise<unknown>, send: (text: string) => void): () => void {
  let topic = topics.get(key);
  if (!topic) {
    topic = { compute, sinks: new Set(), last: null };
    topics.set(key, topic);
  }
  const sink: Sink = { send, lastSentAt: Date.now() };
  topic.sinks.add(sink);
  // A new stream gets the current state at once (from cache when there is one).
  if (topic.last !== null) send(frame(topic.last));
  else wake(TASKS.streams);
  const owner = topic;
  return () => {
    owner.sinks.delete(sink);
    if (owner.sinks.size === 0 && topics.get(key) === owner) topics.delete(key);
  };
}

/** One pass: every topic computed once, sent to its streams when it changed, heartbeats otherwise. */
export async function refreshAll(): Promise<void> {
  const now = Date.now();
  await Promise.all(
    [...topics.values()].map(async (topic) => {
      const data = JSON.stringify(await topic.compute());
      if (data !== topic.last) {
        topic.last = data;
        for (const sink of topic.sinks) {
          sink.send(frame(data));
          sink.lastSentAt = now;
        }
        return;
      }
      for (const sink of topic.sinks) {
        if (now - sink.lastSentAt >= HEARTBEAT_MS) {
          sink.send(': ping\n\n');
          sink.lastSentAt = now;
        }
      }
    }),
  );
}
