import { ingressIdParamsSchema } from '@/types/ingress';
import { toActionView } from '@/server/actions';
import { authorise } from '@/server/auth';
import { handler, json, noContent, parseParams } from '@/server/http';
import { deleteEndpoint } from '@/server/ingress';

/** Deletes an OBS input: its stream key stops working and a stream on it ends. 202 while LiveKit's side is pending. */
export const DELETE = handler<{ id: string }>(async (req, { params }) => {
  const startedAt = Date.now();
  const user = await authorise(req, ['dj', 'admin']);
  const { id } = await parseParams(params, ingressIdParamsSchema);
  const action = await deleteEndpoint(user, id, startedAt);
  return action.status === 'done' ? noContent() : json({ action: toActionView(action) }, 202);
});
