import 'server-only';
import type { Metadata } from 'next';
import { pageMetadata, type PageMeta } from '@/lib/share/page-metadata';
import { getChannelBySlug } from '@/server/channels';
import { getBranding } from '@/server/station';
import { channelCardText, stationCardAltText, type ChannelCardText } from '@/lib/share/card-text';
import { channelSlugSchema } from '@/types/channel';
import type { ShareCardProps } from '@/components/share/share-card-image';

/** What a channel's share card and link preview say now, null for an invalid or unknown slug. */
export async function channelShareCard(rawSlug: string): Promise<ChannelCardText | null> {
  const slug = channelSlugSchema.safeParse(rawSlug);
  if (!slug.success) return null;
  const [channel, site] = await Promise.all([getChannelBySlug(slug.data), getBranding()]);
  return channel ? channelCardText(channel, site.name) : null;
}

/** A card's drawing props: the channel's (or the station's for an unknown channel or none) with the station's look. */
export async function shareCardProps(rawSlug?: string): Promise<ShareCardProps> {
  const [card, site] = await Promise.all([rawSlug === undefined ? null : channelShareCard(rawSlug), getBranding()]);
  return { ...(card ?? { title: site.name, detail: site.tagline }), site };
}

/** The station card's alt text (its name and tagline, as set now). */
export async function stationCardAlt(): Promise<string> {
  return stationCardAltText(await getBranding());
}

/** A page's metadata (pageMetadata) under the station's name and tagline as its admin set them. */
export async function stationPageMetadata(meta: PageMeta, channel?: Parameters<typeof channelCardText>[0]): Promise<Metadata> {
  const site = await getBranding();
  const description = channel ? channelCardText(channel, site.name).description : meta.description;
  return pageMetadata({ ...meta, description }, site);
}
