import { z } from '@/types/zod';
import { channelIdSchema } from '@/types/broadcast';
import { authorise } from '@/server/auth/session';
import { handler, json } from '@/server/http/handler';
import { parseParams } from '@/server/http/parse';
import { kickPublishers } from '@/server/schedule';

const paramsSchema = z.object({ id: channelIdSchema });

/** Takes the current publisher off air for the rest of their slot. */
export const POST = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  return json({ kicked: await kickPublishers(id, admin) });
});
