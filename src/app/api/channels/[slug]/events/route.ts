import { channelSlugSchema } from '@/types/channel';
import { z } from '@/types/zod';
import { countHlsStream } from '@/server/channels';
import { notFound, handler, parseParams, parseQuery } from '@/server/http';
import { channelState, sseResponse } from '@/server/live';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ slug: channelSlugSchema });
/** `hls=1`: the page plays this channel over HLS, so its stream counts as a listener. */
const querySchema = z.strictObject({ hls: z.literal('1', 'hls must be 1 when given').optional() });

/** Server-sent events: the channel's state (on air, who, listeners, now/next) whenever it changes. */
export const GET = handler<{ slug: string }>(async (req, { params }) => {
  const { slug } = await parseParams(params, paramsSchema);
  const { hls } = parseQuery(req, querySchema);
  const state = await channelState(slug);
  if (!state) throw notFound('No such channel.');
  const counted = hls ? () => countHlsStream(state.channel.id, req.headers) : undefined;
  return sseResponse(req, `channel:${slug}`, () => channelState(slug), counted);
});
