import { type NextRequest, NextResponse } from 'next/server';
import { safeNextPath } from '@/lib/safe-next';
import { EMBED_REQUEST_HEADER, isEmbedPath } from '@/lib/share/links';
import { getEnv } from '@/server/env';
import { contentSecurityPolicy } from '@/server/http';

/**
 * The CSP of every page, with a fresh nonce that Next reads from the request's
 * CSP header and puts on its own inline scripts.
 */
export function proxy(request: NextRequest): NextResponse {
  const env = getEnv();
  // A `next` redirect target that could leave the site (or hides control characters) is dropped
  // before any page sees it; pages still pass what they keep through safeNextPath.
  const next = request.nextUrl.searchParams.get('next');
  if (next !== null && safeNextPath(next, '') === '') {
    const clean = request.nextUrl.clone();
    clean.searchParams.delete('next');
    return NextResponse.redirect(clean, 307);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  // The embed player is the one page other sites may frame (next.config.ts leaves X-Frame-Options off it too).
  const embed = isEmbedPath(request.nextUrl.pathname);
  const csp = contentSecurityPolicy({
    appUrl: env.APP_URL,
    livekitUrl: env.LIVEKIT_URL,
    storageUrl: env.S3_PUBLIC_BASE_URL,
    nonce,
    dev: env.NODE_ENV === 'development',
    frameAncestors: embed ? env.EMBED_FRAME_ANCESTORS : "'none'",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // Set (never taken from the client) so the root layout leaves the site's chrome off the embed.
  requestHeaders.set(EMBED_REQUEST_HEADER, embed ? '1' : '0');
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Not API routes: with a proxy in front of them Next buffers request bodies
  // (up to 10 MB) before the route's own limits run. Their headers are static
  // (next.config.ts); static assets need none.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
