import { z } from '@/types/zod';
import { slotUpdateSchema } from '@/types/schedule';
import { authorise } from '@/server/auth';
import { handler, json, noContent, parseBody, parseParams } from '@/server/http';
import { deleteSlot, updateSlot } from '@/server/schedule';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

export const PATCH = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  const patch = await parseBody(req, slotUpdateSchema);
  return json(await updateSlot(id, patch, admin));
});

export const DELETE = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  await deleteSlot(id, admin);
  return noContent();
});
