import 'server-only';
import { getChannelBySlug } from '@/server/channels';
import { channelCardText, type ChannelCardText } from '@/lib/share/card-text';
import { channelSlugSchema } from '@/types/channel';

/** What a channel's share card and link preview say now, null for an invalid or unknown slug. */
export async function channelShareCard(rawSlug: string): Promise<ChannelCardText | null> {
  const slug = channelSlugSchema.safeParse(rawSlug);
  if (!slug.success) return null;
  const channel = await getChannelBySlug(slug.data);
  return channel ? channelCardText(channel) : null;
}
