import { ingressIdParamsSchema } from '@/types/ingress';
import { authorise } from '@/server/auth/session';
import { handler, noContent } from '@/server/http/handler';
import { parseParams } from '@/server/http/parse';
import { deleteEndpoint } from '@/server/ingress';

/** Deletes an OBS input: its stream key stops working and a stream on it ends. */
export const DELETE = handler<{ id: string }>(async (req, { params }) => {
  const user = await authorise(req, ['dj', 'admin']);
  const { id } = await parseParams(params, ingressIdParamsSchema);
  await deleteEndpoint(user, id);
  return noContent();
});
