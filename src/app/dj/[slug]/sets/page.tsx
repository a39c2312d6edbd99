import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PastSets } from '@/components/tempo/PastSets';
import { requireUser } from '@/server/auth';
import { broadcastTempo, channelForSets, listBroadcasts } from '@/server/bpm';
import { HttpError } from '@/server/http';
import { channelSlugSchema } from '@/types/channel';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Past sets' };

type Props = { params: Promise<{ slug: string }> };

/** A channel's recent sets and their tempo curves, for admins and the channel's DJs. */
export default async function PastSetsPage({ params }: Props) {
  const parsed = channelSlugSchema.safeParse((await params).slug);
  if (!parsed.success) notFound();
  const user = await requireUser(['dj', 'admin'], `/dj/${parsed.data}/sets`);
  const channel = await channelForSets(user, parsed.data).catch((err: unknown) => {
    // Not this DJ's channel reads as missing, like the API's 403 it reveals nothing.
    if (err instanceof HttpError) return null;
    throw err;
  });
  if (!channel) notFound();
  const broadcasts = await listBroadcasts(channel.id);
  const newest = broadcasts[0];
  const initial = newest ? await broadcastTempo(channel.id, newest.id) : null;
  return (
    <PastSets
      channel={{ slug: channel.slug, name: channel.name }}
      broadcasts={broadcasts}
      initial={initial}
      isAdmin={user.role === 'admin'}
    />
  );
}
