import { ingressIdParamsSchema } from '@/types/ingress';
import { authorise } from '@/server/auth/session';
import { handler, json } from '@/server/http/handler';
import { parseParams } from '@/server/http/parse';
import { rotateEndpoint } from '@/server/ingress';

/** A new stream key; the old one is refused from now on and a stream using it ends. */
export const POST = handler<{ id: string }>(async (req, { params }) => {
  const user = await authorise(req, ['dj', 'admin']);
  const { id } = await parseParams(params, ingressIdParamsSchema);
  return json(await rotateEndpoint(user, id));
});
