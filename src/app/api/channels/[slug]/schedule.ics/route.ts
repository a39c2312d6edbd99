import { z } from '@/types/zod';
import { channelSlugSchema } from '@/types/channel';
import { getEnv } from '@/server/env';
import { handler, parseParams } from '@/server/http';
import { publicSchedule, toIcs } from '@/server/schedule';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ slug: channelSlugSchema });
const WINDOW_DAYS = 56;

/** A calendar feed of the coming eight weeks, for any calendar app. */
export const GET = handler<{ slug: string }>(async (_req, { params }) => {
  const { slug } = await parseParams(params, paramsSchema);
  const now = new Date();
  const schedule = await publicSchedule(slug, new Date(now.getTime() - 86_400_000), new Date(now.getTime() + WINDOW_DAYS * 86_400_000));
  return new Response(toIcs(schedule, getEnv().APP_URL, now), {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="${slug}.ics"`,
      'cache-control': 'public, max-age=300',
    },
  });
});
