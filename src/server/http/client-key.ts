import 'server-only';

/**
 * A per-client key for rate limiting: the rightmost X-Forwarded-For hop.
 * Our reverse proxy appends (nginx) or overwrites (Caddy) that hop with the
 * address it saw, and `next start` fills the header from the socket when it
 * is absent. Run the app behind a proxy in production (DJs need HTTPS for the
 * microphone anyway): exposed directly, a client could choose its own key.
 */
export function clientKey(headers: Headers): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops.at(-1) ?? 'unknown';
}
