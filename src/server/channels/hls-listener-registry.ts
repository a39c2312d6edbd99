// HLS listeners are not in the LiveKit room, so the app counts them itself:
// each HLS player sends a heartbeat with a random session id; a session counts
// until it says goodbye or misses its heartbeats. Pure (clock injected), unit tested.

import { HLS_HEARTBEAT_MS } from '@/types/channel';

/** Two missed heartbeats and a bit: a listener whose tab died stops counting within this. */
export const SESSION_TTL_MS = 2 * HLS_HEARTBEAT_MS + 10_000;
/** Bounds memory against a client inventing session ids. */
const MAX_SESSIONS_PER_CHANNEL = 100_000;

export class HlsListenerRegistry {
  private readonly channels = new Map<string, Map<string, number>>();

  constructor(private readonly now: () => number = Date.now) {}

  beat(channelId: string, sessionId: string): void {
    const sessions = this.channels.get(channelId) ?? new Map<string, number>();
    this.channels.set(channelId, sessions);
    if (!sessions.has(sessionId) && sessions.size >= MAX_SESSIONS_PER_CHANNEL) this.sweep(channelId);
    if (!sessions.has(sessionId) && sessions.size >= MAX_SESSIONS_PER_CHANNEL) return;
    sessions.set(sessionId, this.now() + SESSION_TTL_MS);
  }

  leave(channelId: string, sessionId: string): void {
    this.channels.get(channelId)?.delete(sessionId);
  }

  count(channelId: string): number {
    this.sweep(channelId);
    return this.channels.get(channelId)?.size ?? 0;
  }

  private sweep(channelId: string): void {
    const sessions = this.channels.get(channelId);
    if (!sessions) return;
    const now = this.now();
    for (const [id, expires] of sessions) if (expires <= now) sessions.delete(id);
    if (sessions.size === 0) this.channels.delete(channelId);
  }
}
