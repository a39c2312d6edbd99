// Used by server.ts, which runs outside Next's bundler (so no server-only import).

/** HSTS for an app served over https (behind the TLS proxy); null over plain http, where it would be ignored anyway. */
export function strictTransportSecurity(appUrl: string): string | null {
  return new URL(appUrl).protocol === 'https:' ? 'max-age=63072000; includeSubDomains' : null;
}
