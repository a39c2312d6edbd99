// Shared by the custom server (server.ts) and its tests; no server-only import
// because server.ts runs outside Next's bundler.

/** The request header our own server sets to the client's address, replacing any value a client sent. */
export const CLIENT_IP_HEADER = 'x-radio-client-ip';

/** `::ffff:1.2.3.4` (IPv4 on an IPv6 socket) is reported as 1.2.3.4. */
function normalise(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address, trusting exactly `trustedHops` reverse proxies in front of us
 * (like Express's `trust proxy = N`): the chain is X-Forwarded-For's entries plus the
 * socket's peer, and the client is the entry that many places left of the peer. Entries
 * further left are whatever the client claimed and are never used; with 0 hops
 * X-Forwarded-For is ignored entirely. A chain shorter than expected (someone reached the
 * app without going through every proxy) yields its leftmost entry.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const peer = normalise(socketAddress ?? '') || 'unknown';
  if (trustedHops <= 0) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [...header.split(',').map(normalise).filter(Boolean), peer];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? peer;
}
