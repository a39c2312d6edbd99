import { z } from '@/types/zod';
import { channelIdSchema } from '@/types/room';
import { channelDjsSchema } from '@/types/schedule';
import { authorise } from '@/server/auth';
import { handler, json, parseBody, parseParams } from '@/server/http';
import { listChannelDjs, setChannelDjs } from '@/server/schedule';

const paramsSchema = z.object({ id: channelIdSchema });

export const GET = handler<{ id: string }>(async (req, { params }) => {
  await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  return json({ djs: await listChannelDjs(id) });
});

export const PUT = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  const { userIds } = await parseBody(req, channelDjsSchema);
  return json({ djs: await setChannelDjs(id, userIds, admin) });
});
