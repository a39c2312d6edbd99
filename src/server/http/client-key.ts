import 'server-only';
import { CLIENT_IP_HEADER, clientGroup } from '@/lib/client-address';

let warned = false;

/**
 * The per-client key for rate limiting: the address our own server (server.ts)
 * resolved from the socket and TRUSTED_PROXY_HOPS, and wrote into a header it
 * always overwrites. better-auth reads the same header, so both limiters agree.
 */
export function clientKey(headers: Headers): string {
  const address = headers.get(CLIENT_IP_HEADER);
  if (address) return address;
  if (!warned) {
    console.error(
      `[http] no ${CLIENT_IP_HEADER} header: start the app with server.ts (npm start), or every client shares one rate-limit bucket`,
    );
    warned = true;
  }
  return 'unknown';
}

/** The client for caps on what one client holds open (event streams, HLS listeners): an IPv4 address or an IPv6 /64. */
export function clientGroupKey(headers: Headers): string {
  return clientGroup(clientKey(headers));
}
