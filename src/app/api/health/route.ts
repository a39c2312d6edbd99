import { checkHealth } from '@/server/health';
import { handler, json } from '@/server/http';

export const dynamic = 'force-dynamic';

export const GET = handler(async () => {
  const health = await checkHealth();
  // Healthchecks read the status code: a station without LiveKit plays nothing.
  return json(health, health.status === 'ok' ? 200 : 503);
});
