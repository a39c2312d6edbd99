import 'server-only';
import { processSingleton } from '../singleton';

/**
 * Event streams one client (an IPv4 address or an IPv6 /64) may hold open at once: tabs and a
 * household behind one address, far below the 1,347 one client held in the review.
 */
export const MAX_EVENT_STREAMS_PER_CLIENT = 32;

/** Open streams per client key; pure, unit tested. */
export class StreamCounter {
  private readonly open_ = new Map<string, number>();

  constructor(private readonly perClient = MAX_EVENT_STREAMS_PER_CLIENT) {}

  /** Counts one stream; returns its release (idempotent), or null when the client is at its cap. */
  open(client: string): (() => void) | null {
    const n = this.open_.get(client) ?? 0;
    if (n >= this.perClient) return null;
    this.open_.set(client, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open_.get(client) ?? 1) - 1;
      if (left > 0) this.open_.set(client, left);
      else this.open_.delete(client);
    };
  }

  /** Clients holding at least one stream. */
  get size(): number {
    return this.open_.size;
  }
}

// One counter per process: Next bundles route handlers apart.
const streams = processSingleton('live.event-streams', () => new StreamCounter());

/** Holds one event stream for `client`; its release, or null when the client is at its cap. */
export const holdEventStream = (client: string) => streams.open(client);
