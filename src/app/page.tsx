import { ChannelList } from '@/components/channels/ChannelList';
import { listChannelPage } from '@/server/channels';
import { parseListQuery } from '@/lib/channel-list-query';
import { stationPageMetadata } from '@/server/share';

export const dynamic = 'force-dynamic';

export const generateMetadata = () => stationPageMetadata({ path: '/' });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  const list = await listChannelPage(parseListQuery(await searchParams));
  return (
    <div className="flex flex-col gap-6">
      <section>
        <h1 className="text-3xl font-bold tracking-tight">Channels</h1>
        <p className="mt-1 text-muted">Live DJ sets, straight from the booth. Pick a channel and press Play.</p>
      </section>
      <ChannelList
        key={`${list.page}:${list.q}`}
        initial={list}
        listPath="/"
        linkBase="/c/"
        actionLabel="Listen"
        emptyHint="Channels appear here once an admin creates them."
      />
    </div>
  );
}
