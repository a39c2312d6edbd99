import { archiveParamsSchema } from '@/types/archive';
import { channelPodcast } from '@/server/archive';
import { handler, parseParams } from '@/server/http';

export const dynamic = 'force-dynamic';

/** The channel's podcast: RSS 2.0 with iTunes tags, its public sets' .m4a files (on storage) as enclosures. */
export const GET = handler<{ slug: string }>(async (_req, { params }) => {
  const { slug } = await parseParams(params, archiveParamsSchema);
  const body = await channelPodcast(slug);
  return new Response(body, {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=60' },
  });
});
