import { handler, json, parseBody } from '@/server/http';
import { followStatus } from '@/server/push';
import { unfollowRequestSchema } from '@/types/push';

const BODY_LIMIT = 4096;

/** Whether this browser follows a channel. POST, because the endpoint is a secret URL: never in a query string. */
export const POST = handler(async (req) => {
  const body = await parseBody(req, unfollowRequestSchema, BODY_LIMIT);
  return json(await followStatus(body, req.headers));
});
