import { passwordChangeSchema } from '@/types/account';
import { changeOwnPassword } from '@/server/accounts';
import { authorise } from '@/server/auth';
import { handler, parseBody } from '@/server/http';

/** Any signed-in user changes their own password; their other sessions end, this one is renewed. */
export const POST = handler(async (req) => {
  const user = await authorise(req, ['admin', 'dj']);
  const input = await parseBody(req, passwordChangeSchema);
  const cookies = await changeOwnPassword(user, input, req.headers);
  const res = new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  for (const cookie of cookies) res.headers.append('set-cookie', cookie);
  return res;
});
