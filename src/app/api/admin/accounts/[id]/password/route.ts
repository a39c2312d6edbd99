import { z } from '@/types/zod';
import { passwordResetSchema } from '@/types/account';
import { resetPassword } from '@/server/accounts';
import { authorise } from '@/server/auth';
import { handler, noContent, parseBody, parseParams } from '@/server/http';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** An admin sets another account's password; that account's sessions all end. */
export const POST = handler<{ id: string }>(async (req, { params }) => {
  const admin = await authorise(req, ['admin']);
  const { id } = await parseParams(params, paramsSchema);
  const { password } = await parseBody(req, passwordResetSchema);
  await resetPassword(id, password, admin, req.headers);
  return noContent();
});
