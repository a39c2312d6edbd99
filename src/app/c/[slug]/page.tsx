import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListenerPage } from '@/components/listen/ListenerPage';
import { getChannelBySlug } from '@/server/channels/queries';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const channel = await getChannelBySlug((await params).slug);
  return channel ? { title: channel.name, description: channel.description || undefined } : {};
}

export default async function ChannelPage({ params }: Props) {
  const channel = await getChannelBySlug((await params).slug);
  if (!channel) notFound();
  return <ListenerPage channel={channel} />;
}
