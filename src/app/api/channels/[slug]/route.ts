import { z } from '@/types/zod';
import { channelSlugSchema } from '@/types/channel';
import { getChannelBySlug } from '@/server/channels';
import { notFound, handler, json, parseParams } from '@/server/http';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ slug: channelSlugSchema });

export const GET = handler<{ slug: string }>(async (_req, { params }) => {
  const { slug } = await parseParams(params, paramsSchema);
  const channel = await getChannelBySlug(slug);
  if (!channel) throw notFound('No such channel.');
  return json(channel);
});
