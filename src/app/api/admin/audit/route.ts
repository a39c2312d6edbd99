import { auditQuerySchema } from '@/types/audit';
import { listAudit } from '@/server/audit';
import { authorise } from '@/server/auth/session';
import { handler, json } from '@/server/http/handler';
import { parseQuery } from '@/server/http/parse';

export const dynamic = 'force-dynamic';

export const GET = handler(async (req) => {
  await authorise(req, ['admin']);
  return json(await listAudit(parseQuery(req, auditQuerySchema)));
});
