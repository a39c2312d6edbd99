import { z } from '@/types/zod';
import { channelSlugSchema } from '@/types/channel';
import { notFound, handler, json, parseParams } from '@/server/http';
import { channelState } from '@/server/live';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ slug: channelSlugSchema });

/** The same state as the event stream, once: the fallback when a stream cannot be kept open. */
export const GET = handler<{ slug: string }>(async (_req, { params }) => {
  const { slug } = await parseParams(params, paramsSchema);
  const state = await channelState(slug);
  if (!state) throw notFound('No such channel.');
  return json(state);
});
