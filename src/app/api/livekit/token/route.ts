import { tokenRequestSchema } from '@/types/room';
import { BODY_LIMITS, handler, json, parseBody } from '@/server/http';
import { logChannel } from '@/server/log';
import { countTokenRequest } from '@/server/metrics';
import { issueToken } from '@/server/tokens';

export const POST = handler(async (req) => {
  const body = await parseBody(req, tokenRequestSchema, BODY_LIMITS.token);
  logChannel(body.channelId);
  return json(await countTokenRequest(body.role, issueToken(body, req.headers)));
});
