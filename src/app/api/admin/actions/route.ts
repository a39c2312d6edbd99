import { toActionView, unfinishedActions } from '@/server/actions';
import { authorise } from '@/server/auth';
import { handler, json } from '@/server/http';

export const dynamic = 'force-dynamic';

/** Actions whose LiveKit side is still pending or failed, newest first. */
export const GET = handler(async (req) => {
  await authorise(req, ['admin']);
  return json({ actions: (await unfinishedActions()).map(toActionView) });
});
