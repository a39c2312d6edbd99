import { channelInputSchema } from '@/types/channel';
import { authorise } from '@/server/auth';
import { createChannel } from '@/server/channels';
import { handler, json, parseBody } from '@/server/http';

export const POST = handler(async (req) => {
  const admin = await authorise(req, ['admin']);
  const input = await parseBody(req, channelInputSchema);
  return json(await createChannel(input, admin), 201);
});
