import 'server-only';
import { getDb } from './db/client';
import { type ChannelHlsHealth, hlsHealth, playlistFailing, playlistReason } from './egress';
import { getRoomService } from './livekit/clients';

export type Health = {
  status: 'ok' | 'degraded' | 'down';
  database: boolean;
  livekit: boolean;
  /** Live playlist of every on-air channel; null when the station runs without HLS (or the database is down). */
  hls: ChannelHlsHealth[] | null;
  /** Why the status is not ok, for people reading a monitor. */
  reasons: string[];
};

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
 * Database is required to serve anything; LiveKit down, or an on-air channel whose live
 * playlist is missing or stale past its grace period, means degraded (pages work, audio
 * does not reach everyone). Either way the station is not doing its job, so the route answers 503.
 */
export async function checkHealth(): Promise<Health> {
  const [database, livekit, hls] = await Promise.all([
    within(2000, getDb().$queryRaw`SELECT 1`).then(() => true, () => false),
    within(2000, getRoomService().listRooms([])).then(() => true, () => false),
    within(3000, hlsHealth()).catch(() => null),
  ]);
  const reasons: string[] = [];
  if (!database) reasons.push('database unreachable');
  if (!livekit) reasons.push('LiveKit unreachable');
  for (const channel of hls ?? []) {
    const reason = playlistFailing(channel.state) ? playlistReason(channel.slug, channel) : null;
    if (reason) reasons.push(reason);
  }
  const status = !database ? 'down' : reasons.length === 0 ? 'ok' : 'degraded';
  return { status, database, livekit, hls, reasons };
}
