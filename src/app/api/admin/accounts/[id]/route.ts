import { z } from 'zod';
import { deleteAccount } from '@/server/accounts/service';
import { authorise } from '@/server/auth/session';
import { handler, noContent } from '@/server/http/handler';
import { parseParams } from '@/server/http/parse';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

export const DELETE = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  await deleteAccount(id, admin.id);
  return noContent();
});
