import 'server-only';
import { getDb } from './db/client';
import { getRoomService } from './livekit/clients';

export type Health = { status: 'ok' | 'degraded' | 'down'; database: boolean; livekit: boolean };

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Database is required to serve anything; LiveKit down means degraded (pages work, audio
 * does not). Either way the station is not doing its job, so the route answers 503.
 */
export async function checkHealth(): Promise<Health> {
  const [database, livekit] = await Promise.all([
    within(2000, getDb().$queryRaw`SELECT 1`).then(() => true, () => false),
    within(2000, getRoomService().listRooms([])).then(() => true, () => false),
  ]);
  const status = !database ? 'down' : livekit ? 'ok' : 'degraded';
  return { status, database, livekit };
}
