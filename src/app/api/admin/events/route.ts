import { authorise } from '@/server/auth';
import { handler, json } from '@/server/http';
import { sseResponse, stationState } from '@/server/live';

export const dynamic = 'force-dynamic';

/** Server-sent events for the admin console: every channel's state. `?once` answers with JSON instead (the fallback). */
export const GET = handler(async (req) => {
  await authorise(req, ['admin']);
  if (new URL(req.url).searchParams.has('once')) return json(await stationState());
  return sseResponse(req, 'station', () => stationState());
});
