import type { Metadata } from 'next';
import { PastSetsLinks } from '@/components/tempo/PastSetsLinks';
import { ChannelList } from '@/components/channels/ChannelList';
import { requireUser } from '@/server/auth';
import { channelsWithSets } from '@/server/bpm';
import { listChannelPage } from '@/server/channels';
import { upcomingForDj } from '@/server/schedule';
import { DjUpcomingSlots } from '@/components/console/DjUpcomingSlots';
import { parseListQuery } from '@/lib/channel-list-query';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'DJ console' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DjIndexPage({ searchParams }: Props) {
  const user = await requireUser(['dj', 'admin'], '/dj');
  const query = parseListQuery(await searchParams);
  const [list, upcoming, withSets] = await Promise.all([listChannelPage(query), upcomingForDj(user.id), channelsWithSets(user)]);
  return (
    <div className="flex flex-col gap-6">
      <section>
        <h1 className="text-3xl font-bold tracking-tight">DJ console</h1>
        <p className="mt-1 text-muted">Hi {user.name}. Pick the channel you are playing on.</p>
      </section>
      <DjUpcomingSlots slots={upcoming} />
      <ChannelList
        key={`${list.page}:${list.q}`}
        initial={list}
        listPath="/dj"
        linkBase="/dj/"
        actionLabel="Open console"
        emptyHint={user.role === 'admin' ? 'Create a channel in Admin first.' : 'Ask an admin to create a channel.'}
      />
      <PastSetsLinks channels={withSets} />
    </div>
  );
}
