import { ChannelList } from '@/components/channels/ChannelList';
import { listChannels } from '@/server/channels';
import { stationPageMetadata } from '@/server/share';

export const dynamic = 'force-dynamic';

export const generateMetadata = () => stationPageMetadata({ path: '/' });

export default async function HomePage() {
  const channels = await listChannels();
  return (
    <div className="flex flex-col gap-6">
      <section>
        <h1 className="text-3xl font-bold tracking-tight">Channels</h1>
        <p className="mt-1 text-muted">Live DJ sets, straight from the booth. Pick a channel and press Play.</p>
      </section>
      <ChannelList
        initialChannels={channels}
        linkBase="/c/"
        actionLabel="Listen"
        emptyHint="Channels appear here once an admin creates them."
      />
    </div>
  );
}
