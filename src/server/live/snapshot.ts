import 'server-only';
import type { ChannelSlotInfo, ChannelState, StationState } from '@/types/live';
import type { OccurrenceDto } from '@/types/schedule';
import { channelRowBySlug, listChannelRows, summarizeChannels } from '../channels';
import { scheduleNowNext, type NowNextDto } from '../schedule';
import { currentTempo } from '../bpm';
import { nowPlayingView, openSetNowPlaying, type OpenSet } from '../now-playing';
import { linkQualities } from '../link-quality';

type Row = { id: string; slug: string; name: string; timeZone: string; liveIdentity: string | null };
/** What a channel's state reads beside its summary. */
type Parts = { schedule: NowNextDto; tempo: ChannelState['extras']['tempo']; set: OpenSet | null };

const slotInfo = (o: OccurrenceDto | null): ChannelSlotInfo | null =>
  o ? { title: o.title, start: o.start, end: o.end, hosts: o.hosts.map((h) => h.name) } : null;

/**
 * Every read of a channel's state but its summary, side by side with it: a state goes out when
 * its slowest read is back, so reads one after another would put each round trip on the time
 * between a DJ going on air and the pages showing it.
 */
async function partsOf(row: Row, now: Date): Promise<Parts> {
  // A failing reader leaves its value empty; the rest of the state still goes out.
  const [schedule, tempo, set] = await Promise.all([
    scheduleNowNext(row, now),
    currentTempo(row.id).catch(() => null),
    row.liveIdentity !== null ? openSetNowPlaying(row.id).catch(() => null) : null,
  ]);
  return { schedule, tempo, set };
}

function stateOf(channel: ChannelState['channel'], { schedule, tempo, set }: Parts): ChannelState {
  const nowPlaying = nowPlayingView(channel.live.onAir, channel.live.onAir ? set : null, schedule.now?.title ?? null);
  return { channel, now: slotInfo(schedule.now), next: slotInfo(schedule.next), extras: { tempo, nowPlaying } };
}

/** One channel's live state, schedule now/next and extras; null when the channel is gone. */
export async function channelState(slug: string, now = new Date()): Promise<ChannelState | null> {
  const row = await channelRowBySlug(slug);
  if (!row) return null;
  const [[channel], parts] = await Promise.all([summarizeChannels([row]), partsOf(row, now)]);
  return channel ? stateOf(channel, parts) : null;
}

export async function stationState(now = new Date()): Promise<StationState> {
  const rows = await listChannelRows();
  // Like the tempo: a failing reader leaves the links empty, the rest still goes out.
  const [channels, parts, links] = await Promise.all([
    summarizeChannels(rows),
    Promise.all(rows.map((r) => partsOf(r, now))),
    linkQualities(now.getTime()).catch(() => ({})),
  ]);
  return { channels: channels.map((c, i) => stateOf(c, parts[i]!)), links };
}
