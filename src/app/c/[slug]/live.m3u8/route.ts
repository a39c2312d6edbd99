import { z } from '@/types/zod';
import { channelSlugSchema } from '@/types/channel';
import { currentLivePlaylist } from '@/server/egress';
import { handler, parseParams } from '@/server/http';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ slug: channelSlugSchema });

/**
 * The stable listening URL of a channel: redirects to the current broadcast's
 * live playlist on the storage/CDN, so it never changes between broadcasts.
 */
export const GET = handler<{ slug: string }>(async (_req, { params }) => {
  const { slug } = await parseParams(params, paramsSchema);
  const url = await currentLivePlaylist(slug);
  return new Response(null, { status: 302, headers: { location: url, 'cache-control': 'no-store' } });
});
