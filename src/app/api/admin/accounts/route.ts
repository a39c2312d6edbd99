import type { AccountListResponse } from '@/types/account';
import { accountCreateSchema } from '@/types/account';
import { createAccount, listAccounts } from '@/server/accounts';
import { authorise } from '@/server/auth';
import { handler, json, parseBody } from '@/server/http';

export const dynamic = 'force-dynamic';

export const GET = handler(async (req) => {
  await authorise(req, ['admin']);
  const body: AccountListResponse = { accounts: await listAccounts() };
  return json(body);
});

/** Creates a DJ account, or another admin with `role: "admin"`. */
export const POST = handler(async (req) => {
  const admin = await authorise(req, ['admin']);
  const { role, ...input } = await parseBody(req, accountCreateSchema);
  return json(await createAccount(input, role, admin), 201);
});
