import { tokenRequestSchema } from '@/types/room';
import { BODY_LIMITS, handler, json, parseBody } from '@/server/http';
import { issueToken } from '@/server/tokens';

export const POST = handler(async (req) => {
  const body = await parseBody(req, tokenRequestSchema, BODY_LIMITS.token);
  return json(await issueToken(body, req.headers));
});
