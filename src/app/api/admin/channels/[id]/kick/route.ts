import { z } from '@/types/zod';
import { channelIdSchema } from '@/types/room';
import { toActionView } from '@/server/actions';
import { authorise } from '@/server/auth';
import { handler, json, parseParams } from '@/server/http';
import { kickPublishers } from '@/server/schedule';

const paramsSchema = z.object({ id: channelIdSchema });

/**
 * Takes the current publisher off air for the rest of their slot: the block is in force when
 * this answers; 200 when LiveKit's side is done too, 202 while the loop still works on it.
 */
export const POST = handler<{ id: string }>(async (req, { params }) => {
  const startedAt = Date.now();
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  const { kicked, action } = await kickPublishers(id, admin, startedAt);
  const res = json({ kicked, action: toActionView(action) }, action.status === 'done' ? 200 : 202);
  // The time spent in the handler, so a client can tell it from queueing on a loaded machine (bench:kick).
  res.headers.set('server-timing', `app;dur=${Date.now() - startedAt}`);
  return res;
});
