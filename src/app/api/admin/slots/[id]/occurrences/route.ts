import { z } from '@/types/zod';
import { occurrenceChangeSchema } from '@/types/schedule';
import { authorise } from '@/server/auth';
import { handler, json, parseBody, parseParams } from '@/server/http';
import { changeOccurrence } from '@/server/schedule';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** Cancel, move or restore one occurrence of a slot. */
export const POST = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  const change = await parseBody(req, occurrenceChangeSchema);
  return json(await changeOccurrence(id, change, admin));
});
