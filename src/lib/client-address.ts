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

/** Expands an IPv6 address (no zone) to its eight hextets, or null when it is not one. */
function hextets(address: string): number[] | null {
  const [head = '', tail, ...rest] = address.split('::');
  if (rest.length > 0) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((h) => (/^[0-9a-f]{1,4}$/i.test(h) ? parseInt(h, 16) : NaN)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array<number>(tail === undefined ? 0 : missing).fill(0), ...right];
  return all.some(Number.isNaN) ? null : all;
}

/**
 * The client an address stands for when counting per client: an IPv4 address itself, an IPv6
 * address its /64 (one subscriber's network gets a whole /64, so each of its addresses is the
 * same client). Anything unparsable is kept as it is.
 */
export function clientGroup(address: string): string {
  const plain = normalise(address);
  if (!plain.includes(':')) return plain;
  const groups = hextets(plain.split('%')[0] ?? '');
  return groups
    ? `${groups
        .slice(0, 4)
        .map((h) => h.toString(16))
        .join(':')}::/64`
    : plain;
}
