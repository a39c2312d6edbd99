import { ingressCreateSchema, ingressListQuerySchema } from '@/types/ingress';
import { authorise } from '@/server/auth';
import { handler, json, parseBody, parseQuery } from '@/server/http';
import { createEndpoint, listEndpoints } from '@/server/ingress';

export const dynamic = 'force-dynamic';

/** The signed-in DJ's OBS inputs on a channel (admins: ?userId= for any DJ's). Holds stream keys: never cached. */
export const GET = handler(async (req) => {
  const user = await authorise(req, ['dj', 'admin']);
  const { channelId, userId } = parseQuery(req, ingressListQuerySchema);
  return json({ endpoints: await listEndpoints(user, channelId, userId) });
});

/** Creates the DJ's RTMP or WHIP input on a channel; 200 with the existing one if it is already there. */
export const POST = handler(async (req) => {
  const user = await authorise(req, ['dj', 'admin']);
  const body = await parseBody(req, ingressCreateSchema);
  const { endpoint, created } = await createEndpoint(user, body);
  return json(endpoint, created ? 201 : 200);
});
