import { z } from '@/types/zod';
import { channelIdSchema } from '@/types/room';
import { slotInputSchema } from '@/types/schedule';
import { authorise } from '@/server/auth';
import { handler, json, parseBody, parseParams } from '@/server/http';
import { createSlot, listSlots } from '@/server/schedule';

const paramsSchema = z.object({ id: channelIdSchema });

export const GET = handler<{ id: string }>(async (req, { params }) => {
  await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  return json({ slots: await listSlots(id) });
});

export const POST = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  const input = await parseBody(req, slotInputSchema);
  return json(await createSlot(id, input, admin), 201);
});
