import { accountInputSchema } from '@/types/account';
import { createFirstAdmin } from '@/server/accounts';
import { handler, json, parseBody } from '@/server/http';

/** First-run setup: creates the first admin; 409 once one exists. */
export const POST = handler(async (req) => {
  const input = await parseBody(req, accountInputSchema);
  return json(await createFirstAdmin(input), 201);
});
