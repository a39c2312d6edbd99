import { z } from '@/types/zod';
import { channelSlugSchema } from '@/types/channel';
import { channelPlaylistFile } from '@/server/egress';
import { handler, parseParams } from '@/server/http';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ slug: channelSlugSchema });

/** "Listen in your player": an .m3u pointing at the stable live.m3u8 (VLC, car and smart-speaker players). */
export const GET = handler<{ slug: string }>(async (_req, { params }) => {
  const { slug } = await parseParams(params, paramsSchema);
  const { body, filename } = await channelPlaylistFile(slug);
  return new Response(body, {
    headers: {
      'content-type': 'audio/x-mpegurl; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});
