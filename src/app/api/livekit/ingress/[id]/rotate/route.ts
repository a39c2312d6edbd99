import { ingressIdParamsSchema } from '@/types/ingress';
import { toActionView } from '@/server/actions';
import { authorise } from '@/server/auth';
import { handler, json, parseParams } from '@/server/http';
import { rotateEndpoint } from '@/server/ingress';

/**
 * A new stream key; the old one is refused from then on and a stream using it ends. 200 with the
 * new key when LiveKit's side is done; 202 with the action (and the new key once it exists) while
 * the loop still works on it, e.g. while LiveKit is unreachable.
 */
export const POST = handler<{ id: string }>(async (req, { params }) => {
  const startedAt = Date.now();
  const user = await authorise(req, ['dj', 'admin']);
  const { id } = await parseParams(params, ingressIdParamsSchema);
  const { endpoint, action } = await rotateEndpoint(user, id, startedAt);
  return json({ ...endpoint, action: toActionView(action) }, action.status === 'done' && endpoint ? 200 : 202);
});
