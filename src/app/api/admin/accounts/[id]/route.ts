import { z } from '@/types/zod';
import { accountUpdateSchema } from '@/types/account';
import { deleteAccount, setAccountDisabled } from '@/server/accounts';
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
 * { disabled: true } disables the account (sessions end, refused everywhere at once; 202 while
 * LiveKit still has to drop its connections); false re-enables it.
 */
export const PATCH = handler<{ id: string }>(async (req, { params }) => {
  const startedAt = Date.now();
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  const { disabled } = await parseBody(req, accountUpdateSchema);
  const { action, ...account } = await setAccountDisabled(id, disabled, admin, startedAt);
  if (!action) return json(account);
  return json({ ...account, action: toActionView(action) }, action.status === 'done' ? 200 : 202);
});
