import { checkHealth } from '@/server/health';
import { handler, json } from '@/server/http/handler';

export const dynamic = 'force-dynamic';

export const GET = handler(async () => {
  const health = await checkHealth();
  return json(health, health.database ? 200 : 503);
});
