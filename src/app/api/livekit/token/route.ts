import { tokenRequestSchema } from '@/types/broadcast';
import { BODY_LIMITS } from '@/server/http/body';
import { handler, json } from '@/server/http/handler';
import { parseBody } from '@/server/http/parse';
import { issueToken } from '@/server/livekit/token-service';
import { logChannel } from '@/server/log';
import { countTokenRequest } from '@/server/metrics';

export const POST = handler(async (req) => {
  const body = await parseBody(req, tokenRequestSchema, BODY_LIMITS.token);
  logChannel(body.channelId);
  return json(await countTokenRequest(body.role, issueToken(body, req.headers)));
});
