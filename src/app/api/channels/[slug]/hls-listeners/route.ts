import { z } from 'zod';
import { channelSlugSchema, hlsHeartbeatSchema } from '@/types/channel';
import { recordHlsHeartbeat } from '@/server/channels/hls-listeners';
import { BODY_LIMITS } from '@/server/http/body';
import { handler, noContent } from '@/server/http/handler';
import { parseBody, parseParams } from '@/server/http/parse';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ slug: channelSlugSchema });

/** HLS players report in every 15 s (and say goodbye) so the listener count includes them. */
export const POST = handler<{ slug: string }>(async (req, { params }) => {
  const { slug } = await parseParams(params, paramsSchema);
  const beat = await parseBody(req, hlsHeartbeatSchema, BODY_LIMITS.token);
  await recordHlsHeartbeat(slug, beat, req.headers);
  return noContent();
});
