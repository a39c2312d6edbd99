import type { ChannelSummary } from '@/types/channel';
import { DEFAULT_BRANDING } from '@/types/station';

export type CardStatus = 'on-air' | 'off-air' | 'unknown';

/** What a channel's share card and link preview say. */
export type ChannelCardText = { title: string; status: CardStatus; statusLabel: string; detail: string; description: string };

/** Shortens text to `max` characters, ending in an ellipsis when cut (cards have fixed room). */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** `siteName`: the station's name as its admin set it (src/server/station). */
export function channelCardText(
  channel: Pick<ChannelSummary, 'name' | 'description' | 'live'>,
  siteName: string = DEFAULT_BRANDING.name,
): ChannelCardText {
  const { live } = channel;
  const status: CardStatus = !live.known ? 'unknown' : live.onAir ? 'on-air' : 'off-air';
  const dj = live.djName ?? 'a DJ';
  // Off air the lamp says so; the line under the name then says what the channel plays.
  const detail = status === 'on-air' ? `Live now with ${dj}` : channel.description || `Live DJ sets on ${siteName}`;
  const lead = status === 'on-air' ? `On air now: ${dj}.` : `Live DJ radio on ${siteName}.`;
  return {
    title: clip(channel.name, 60),
    status,
    statusLabel: status === 'on-air' ? 'ON AIR' : status === 'off-air' ? 'OFF AIR' : 'STATUS UNKNOWN',
    detail: clip(detail, 80),
    description: clip(channel.description ? `${lead} ${channel.description}` : lead, 200),
  };
}

/** The station card's alt text: its name and tagline. */
export const stationCardAltText = (site: { name: string; tagline: string }): string =>
  site.tagline ? `${site.name}: ${site.tagline}` : site.name;
