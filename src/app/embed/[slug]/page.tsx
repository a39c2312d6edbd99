import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedPlayer } from '@/components/embed/EmbedPlayer';
import { channelPath } from '@/lib/share/links';
import { channelState } from '@/server/live';
import { getBranding } from '@/server/station';
import { channelSlugSchema } from '@/types/channel';

// The one page other sites may frame (src/proxy.ts, next.config.ts); the root layout leaves the site's chrome off it.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

async function findState(params: Props['params']) {
  const slug = channelSlugSchema.safeParse((await params).slug);
  return slug.success ? channelState(slug.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const state = await findState(params);
  if (!state) return {};
  const { name, slug } = state.channel;
  // Search engines should send people to the channel page, not the frame.
  return { title: `${name} player`, robots: { index: false }, alternates: { canonical: channelPath(slug) } };
}

export default async function EmbedPage({ params }: Props) {
  const [state, site] = await Promise.all([findState(params), getBranding()]);
  if (!state) notFound();
  return (
    <main className="p-2">
      <EmbedPlayer state={state} siteName={site.name} />
    </main>
  );
}
