import 'server-only';
import { getDb } from '../db';
import { type ChannelHlsHealth, hlsHealth, playlistFailing, playlistReason } from '../egress';
import { liveStateKnown, probeLivekit } from '../live-state';
import { healthVerdict } from './plan';

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

/** Probes the database, LiveKit and the live playlists; healthVerdict decides (503 unless ok). */
export async function checkHealth(): Promise<Health> {
  const [database, probe, hls] = await Promise.all([
    within(2000, getDb().$queryRaw`SELECT 1`).then(
      () => true,
      () => false,
    ),
    // The reconciler's own probe: right after a quick LiveKit restart it reads "restarted" before
    // the loop has noticed, so health never says ok while the state is about to turn unknown.
    within(2000, probeLivekit()).catch(() => 'unreachable' as const),
    within(3000, hlsHealth()).catch(() => null),
  ]);
  const hlsReasons = (hls ?? []).flatMap((channel) => {
    const reason = playlistFailing(channel.state) ? playlistReason(channel.slug, channel) : null;
    return reason ? [reason] : [];
  });
  const { status, reasons } = healthVerdict({
    database,
    livekit: probe !== 'unreachable',
    liveStateKnown: liveStateKnown() && probe === 'up',
    hlsReasons,
  });
  return { status, database, livekit: probe !== 'unreachable', hls, reasons };
}
