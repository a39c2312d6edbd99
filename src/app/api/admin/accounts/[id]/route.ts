import { z } from '@/types/zod';
import { accountUpdateSchema } from '@/types/account';
import { deleteAccount, setAccountDisabled } from '@/server/accounts/service';
import { authorise } from '@/server/auth/session';
import { handler, json, noContent } from '@/server/http/handler';
import { parseBody, parseParams } from '@/server/http/parse';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

export const DELETE = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  await deleteAccount(id, admin);
  return noContent();
});

/** { disabled: true } disables the account (sessions end, off air at once); false re-enables it. */
export const PATCH = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  const { disabled } = await parseBody(req, accountUpdateSchema);
  return json(await setAccountDisabled(id, disabled, admin));
});
