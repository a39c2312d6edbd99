import { accountInputSchema } from '@/types/account';
import { createFirstAdmin } from '@/server/accounts/service';
import { handler, json } from '@/server/http/handler';
import { parseBody } from '@/server/http/parse';

/** First-run setup: creates the first admin; 409 once one exists. */
export const POST = handler(async (req) => {
  const input = await parseBody(req, accountInputSchema);
  return json(await createFirstAdmin(input), 201);
});
