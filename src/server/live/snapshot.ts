import 'server-only';
import type { ChannelSlotInfo, ChannelState, StationState } from '@/types/live';
import type { OccurrenceDto } from '@/types/schedule';
import { getChannelBySlug, listChannels } from '../channels';
import { scheduleFor } from '../schedule';
import { currentTempo } from '../bpm';
import { nowPlayingView, openSetNowPlaying } from '../now-playing';
import { linkQualities } from '../link-quality';

const slotInfo = (o: OccurrenceDto | null): ChannelSlotInfo | null =>
  o ? { title: o.title, start: o.start, end: o.end, hosts: o.hosts.map((h) => h.name) } : null;

async function stateOf(channel: ChannelState['channel'], now: Date): Promise<ChannelState> {
  const schedule = await scheduleFor(channel, now, now, now);
  // A failing reader leaves its value empty; the rest of the state still goes out.
  const [tempo, set] = await Promise.all([
    currentTempo(channel.id).catch(() => null),
    channel.live.onAir ? openSetNowPlaying(channel.id).catch(() => null) : null,
  ]);
  const nowPlaying = nowPlayingView(channel.live.onAir, set, schedule.now?.title ?? null);
  return { channel, now: slotInfo(schedule.now), next: slotInfo(schedule.next), extras: { tempo, nowPlaying } };
}

/** One channel's live state, schedule now/next and extras; null when the channel is gone. */
export async function channelState(slug: string, now = new Date()): Promise<ChannelState | null> {
  const channel = await getChannelBySlug(slug);
  return channel ? stateOf(channel, now) : null;
}

export async function stationState(now = new Date()): Promise<StationState> {
  const channels = await listChannels();
  // Like the tempo: a failing reader leaves the links empty, the rest still goes out.
  const links = await linkQualities(now.getTime()).catch(() => ({}));
  return { channels: await Promise.all(channels.map((c) => stateOf(c, now))), links };
}
