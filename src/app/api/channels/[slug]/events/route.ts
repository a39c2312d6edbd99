import { z } from 'zod';
import { channelSlugSchema } from '@/types/channel';
import { notFound } from '@/server/http/errors';
import { handler } from '@/server/http/handler';
import { parseParams } from '@/server/http/parse';
import { channelState, sseResponse } from '@/server/live';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ slug: channelSlugSchema });

/** Server-sent events: the channel's state (on air, who, listeners, now/next) whenever it changes. */
export const GET = handler<{ slug: string }>(async (req, { params }) => {
  const { slug } = await parseParams(params, paramsSchema);
  if (!(await channelState(slug))) throw notFound('No such channel.');
  return sseResponse(req, `channel:${slug}`, () => channelState(slug));
});
