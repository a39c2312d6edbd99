import { z } from '@/types/zod';
import { channelSlugSchema } from '@/types/channel';
import { scheduleRangeSchema } from '@/types/schedule';
import { handler, json, parseParams, parseQuery } from '@/server/http';
import { publicSchedule } from '@/server/schedule';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ slug: channelSlugSchema });

/** The channel's slots in [from, to) (ISO instants, at most 62 days), with now and next. */
export const GET = handler<{ slug: string }>(async (req, { params }) => {
  const { slug } = await parseParams(params, paramsSchema);
  const { from, to } = parseQuery(req, scheduleRangeSchema);
  return json(await publicSchedule(slug, from, to));
});
