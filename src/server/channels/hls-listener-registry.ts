// HLS listeners are not in the LiveKit room, so the app counts them itself: every
// listener page holds its channel's live update stream, opened with `?hls=1` while it
// plays HLS, and each open flagged stream counts until it closes. A cap per client
// (an IPv4 address or an IPv6 /64: see clientGroupKey) and channel keeps one client from
// inflating the count. Pure, unit tested.

/** Tabs and household members behind one address; more streams from it are served but not counted. */
export const MAX_STREAMS_PER_ADDRESS = 8;

export class HlsListenerRegistry {
  /** channel id -> client address -> open counted streams. */
  private readonly channels = new Map<string, Map<string, number>>();

  constructor(private readonly perAddress = MAX_STREAMS_PER_ADDRESS) {}

  /** Counts one stream; returns its release (idempotent), or null when the address is at its cap. */
  open(channelId: string, address: string): (() => void) | null {
    const addresses = this.channels.get(channelId) ?? new Map<string, number>();
    const open = addresses.get(address) ?? 0;
    if (open >= this.perAddress) return null;
    addresses.set(address, open + 1);
    this.channels.set(channelId, addresses);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(channelId, address);
    };
  }

  count(channelId: string): number {
    let total = 0;
    for (const n of this.channels.get(channelId)?.values() ?? []) total += n;
    return total;
  }

  private release(channelId: string, address: string): void {
    const addresses = this.channels.get(channelId);
    const open = addresses?.get(address) ?? 0;
    if (!addresses || open === 0) return;
    if (open > 1) addresses.set(address, open - 1);
    else addresses.delete(address);
    if (addresses.size === 0) this.channels.delete(channelId);
  }
}
