import 'server-only';

export type SecurityContext = {
  /** Public base URL of the app; https turns on upgrade-insecure-requests (server.ts adds HSTS). */
  appUrl: string;
  /** The LiveKit URL browsers connect to (ws:// or wss://). */
  livekitUrl: string;
  /** Public base URL of HLS storage (S3_PUBLIC_BASE_URL), '' when HLS is off: players fetch and play from it. */
  storageUrl?: string;
  /** Per-request nonce for Next's inline scripts. */
  nonce: string;
  dev: boolean;
  /** Who may frame the page: 'none' for every page but the embed player (EMBED_FRAME_ANCESTORS). */
  frameAncestors?: string;
};

/** ws(s)://host and its http(s) twin: livekit-client uses both (signal socket, /rtc/validate). */
function livekitSources(livekitUrl: string): string[] {
  const url = new URL(livekitUrl);
  const http = url.protocol === 'wss:' ? 'https:' : 'http:';
  return [`${url.protocol}//${url.host}`, `${http}//${url.host}`];
}

/**
 * The Content-Security-Policy a page runs under: scripts only from us or with
 * this request's nonce (no inline script without it), media and connections
 * only to us, LiveKit and HLS storage, and no framing (clickjacking) unless the caller allows it
 * (the embed player only).
 */
export function contentSecurityPolicy(ctx: SecurityContext): string {
  const https = new URL(ctx.appUrl).protocol === 'https:';
  // hls.js fetches playlists and segments (connect-src); Safari's own HLS plays the URL (media-src).
  const storage = ctx.storageUrl ? ` ${new URL(ctx.storageUrl).origin}` : '';
  const directives = [
    "default-src 'self'",
    // React needs eval only in development (error overlays).
    `script-src 'self' 'nonce-${ctx.nonce}'${ctx.dev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (meters, progress bars); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `media-src 'self' blob:${storage}`,
    `connect-src 'self' ${livekitSources(ctx.livekitUrl).join(' ')}${storage}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ctx.frameAncestors ?? "'none'"}`,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}
