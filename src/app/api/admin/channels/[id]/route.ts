import { z } from '@/types/zod';
import { channelIdSchema } from '@/types/room';
import { channelUpdateSchema } from '@/types/channel';
import { authorise } from '@/server/auth';
import { deleteChannel, updateChannel } from '@/server/channels';
import { handler, json, noContent, parseBody, parseParams } from '@/server/http';

const paramsSchema = z.object({ id: channelIdSchema });

export const PATCH = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  const input = await parseBody(req, channelUpdateSchema);
  return json(await updateChannel(id, input, admin));
});

export const DELETE = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  await deleteChannel(id, admin);
  return noContent();
});
