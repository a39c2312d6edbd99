import { channelInputSchema } from '@/types/channel';
import { authorise } from '@/server/auth/session';
import { createChannel } from '@/server/channels/service';
import { handler, json } from '@/server/http/handler';
import { parseBody } from '@/server/http/parse';

export const POST = handler(async (req) => {
  const admin = await authorise(req, ['admin']);
  const input = await parseBody(req, channelInputSchema);
  return json(await createChannel(input, admin), 201);
});
