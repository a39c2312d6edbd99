import { auditQuerySchema } from '@/types/audit';
import { listAudit } from '@/server/audit';
import { authorise } from '@/server/auth';
import { handler, json, parseQuery } from '@/server/http';

export const dynamic = 'force-dynamic';

export const GET = handler(async (req) => {
  await authorise(req, ['admin']);
  return json(await listAudit(parseQuery(req, auditQuerySchema)));
});
