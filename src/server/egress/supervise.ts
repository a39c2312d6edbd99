import 'server-only';
import { channelRoom } from '@/types/room';
import { getDb } from '../db';
import { storageConfig } from '../storage';
import { activeEgressByRoom } from './hls-egress';
import { channelsToSync, nextWake } from './plan';
import { broadcastOwner, type EgressOwner, replayOwner } from './owners';
import { syncChannelEgress } from './service';

/**
 * One pass of egress supervision, for the shared background loop: every channel's
 * egress made to match its live state (none for an empty channel, one for a live
 * channel or a replay, failed or stuck ones restarted with backoff). Retention and archiving are the archive area's task. Returns when it next needs to run for a pending retry, if sooner.
 */
export async function superviseEgress(): Promise<{ nextWakeAt: Date | null }> {
  const conf = storageConfig();
  if (!conf) return { nextWakeAt: null };
  const listedAt = new Date();
  const active = await activeEgressByRoom();
  const channels = await getDb().channel.findMany({ select: { id: true, liveIdentity: true, replaySessionId: true } });
  // Open replay HLS of a channel deleted mid-replay too (it has no relation to the channel): closed here.
  const [replays, broadcasts] = await Promise.all([
    getDb().replayHls.findMany({ where: { endedAt: null }, select: { channelId: true } }),
    getDb().broadcast.findMany({ where: { endedAt: null }, select: { channelId: true } }),
  ]);
  const openRows = new Set([...replays, ...broadcasts].map((r) => r.channelId));
  const activeIn = (id: string) => (active.get(channelRoom(id))?.length ?? 0) > 0;
  for (const id of channelsToSync(channels, openRows, activeIn)) {
    await syncChannelEgress(id, { activeEgressIds: active.get(channelRoom(id)) ?? [], listedAt });
  }
  const owners: EgressOwner[] = [broadcastOwner, replayOwner];
  const pending = await Promise.all(owners.map(async (o) => (await o.pendingRetries()).map((r) => nextWake(o.toOpen(r, null)))));
  const wakes = pending.flat().filter((d): d is Date => d !== null);
  return { nextWakeAt: wakes.length ? new Date(Math.min(...wakes.map((d) => d.getTime()))) : null };
}
