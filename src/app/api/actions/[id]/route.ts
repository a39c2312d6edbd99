import { actionIdParamsSchema } from '@/types/action';
import { getAction, toActionView } from '@/server/actions';
import { authorise } from '@/server/auth';
import { handler, json, notFound, parseParams } from '@/server/http';

export const dynamic = 'force-dynamic';

/** One action's state (the UI polls it while pending): its actor's, its DJ's (their inputs) or any for admins. */
export const GET = handler<{ id: string }>(async (req, { params }) => {
  const user = await authorise(req, ['dj', 'admin']);
  const { id } = await parseParams(params, actionIdParamsSchema);
  const row = await getAction(id, user);
  if (!row) throw notFound('No such action.');
  return json({ action: toActionView(row) });
});
