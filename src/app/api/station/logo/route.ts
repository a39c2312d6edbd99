import { handler, notFound } from '@/server/http';
import { getLogo } from '@/server/station';

export const dynamic = 'force-dynamic';

/** The station's logo, public. Pages link it with a version (?v=), so it may be cached for long. */
export const GET = handler(async () => {
  const logo = await getLogo();
  if (!logo) throw notFound('No logo.');
  return new Response(logo.bytes, {
    headers: {
      'content-type': logo.type,
      'content-length': String(logo.bytes.byteLength),
      // Stored only after its bytes proved it PNG, JPEG or WebP; never sniffed as anything else.
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'public, max-age=86400',
    },
  });
});
