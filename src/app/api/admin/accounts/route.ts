import type { AccountListResponse } from '@/types/account';
import { djInputSchema } from '@/types/account';
import { createAccount, listAccounts } from '@/server/accounts';
import { authorise } from '@/server/auth';
import { handler, json, parseBody } from '@/server/http';

export const dynamic = 'force-dynamic';

export const GET = handler(async (req) => {
  await authorise(req, ['admin']);
  const body: AccountListResponse = { accounts: await listAccounts() };
  return json(body);
});

/** Creates a DJ account; admins are made by setup or the admin:create command. */
export const POST = handler(async (req) => {
  const admin = await authorise(req, ['admin']);
  const input = await parseBody(req, djInputSchema);
  return json(await createAccount(input, 'dj', admin), 201);
});
