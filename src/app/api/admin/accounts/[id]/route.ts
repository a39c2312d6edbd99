import { z } from '@/types/zod';
import { accountUpdateSchema } from '@/types/account';
import { deleteAccount, updateAccount } from '@/server/accounts';
import { toActionView } from '@/server/actions';
import { authorise } from '@/server/auth';
import { handler, json, noContent, parseBody, parseParams } from '@/server/http';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

export const DELETE = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  await deleteAccount(id, admin);
  return noContent();
});

/**
 * Any of name, email (409 when taken) and role (409 for the last admin). { disabled: true } disables the account (sessions end, refused everywhere at once; 202 while
 * LiveKit still has to drop its connections); false re-enables it.
 */
export const PATCH = handler<{ id: string }>(async (req, { params }) => {
  const startedAt = Date.now();
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  const update = await parseBody(req, accountUpdateSchema);
  const { action, ...account } = await updateAccount(id, update, admin, startedAt);
  if (!action) return json(account);
  return json({ ...account, action: toActionView(action) }, action.status === 'done' ? 200 : 202);
});
