import type { ChannelLive } from '@/types/channel';
import type { ChannelSlotInfo } from '@/types/live';
import type { NowPlaying } from '@/types/now-playing';

type OnAirChannel = { name: string; live: Pick<ChannelLive, 'onAir' | 'djName'> };

/** What the lock screen and the headset's display show (Media Session metadata). */
export type MediaInfo = { title: string; artist: string; album: string };

const djOf = (live: OnAirChannel['live']) => (live.onAir ? live.djName || 'Unknown DJ' : null);

/**
 * With a current track: title the track, artist the DJ, album the show and channel. Without one:
 * title the show (the DJ's title, else the running slot's) or the DJ, album the channel.
 * Off air, the channel itself, so the player still says what it is waiting for.
 */
export function mediaInfo(channel: OnAirChannel, slot: ChannelSlotInfo | null, playing: NowPlaying | null = null): MediaInfo {
  const dj = djOf(channel.live);
  if (!dj) return { title: channel.name, artist: 'Off air', album: channel.name };
  const show = playing?.show?.trim() || slot?.title.trim() || null;
  const track = playing?.track?.title.trim();
  if (track) return { title: track, artist: dj, album: show ? `${show} · ${channel.name}` : channel.name };
  return { title: show || dj, artist: dj, album: channel.name };
}

/** The tab's title while someone is on air ("● DJ on Channel"); null off air (the page's own title). */
export function liveTabTitle(channel: OnAirChannel): string | null {
  const dj = djOf(channel.live);
  return dj ? `● ${dj} on ${channel.name}` : null;
}
