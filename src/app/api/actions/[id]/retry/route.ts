import { actionIdParamsSchema } from '@/types/action';
import { retryAction, toActionView } from '@/server/actions';
import { authorise } from '@/server/auth';
import { handler, json, parseParams } from '@/server/http';

/** Tries a failed action's LiveKit side again now: 200 when it is done, 202 while pending (or failed again). */
export const POST = handler<{ id: string }>(async (req, { params }) => {
  const startedAt = Date.now();
  const user = await authorise(req, ['dj', 'admin']);
  const { id } = await parseParams(params, actionIdParamsSchema);
  const row = await retryAction(id, user, startedAt);
  return json({ action: toActionView(row) }, row.status === 'done' ? 200 : 202);
});
