import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListenerPage } from '@/components/listen/ListenerPage';
import { channelCardText } from '@/lib/share/card-text';
import { channelPath } from '@/lib/share/links';
import { pageMetadata } from '@/lib/share/page-metadata';
import { getChannelBySlug } from '@/server/channels';
import { channelState } from '@/server/live';
import { pushPublicKey } from '@/server/push';
import { comingWeek } from '@/server/schedule';
import { channelSlugSchema } from '@/types/channel';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

/** The channel for a slug, or null when the slug is invalid or unknown. */
async function findChannel(params: Props['params']) {
  const slug = channelSlugSchema.safeParse((await params).slug);
  return slug.success ? getChannelBySlug(slug.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const channel = await findChannel(params);
  if (!channel) return {};
  // The card image is this segment's opengraph-image / twitter-image (name and on-air state).
  return pageMetadata({ title: channel.name, description: channelCardText(channel).description, path: channelPath(channel.slug) });
}

export default async function ChannelPage({ params }: Props) {
  const channel = await findChannel(params);
  if (!channel) notFound();
  const [state, week] = await Promise.all([channelState(channel.slug), comingWeek(channel)]);
  if (!state) notFound();
  return <ListenerPage state={state} week={week.occurrences} pushKey={pushPublicKey()} />;
}
