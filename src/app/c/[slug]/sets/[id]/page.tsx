import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArchivedSetView } from '@/components/archive/ArchivedSetView';
import { setName } from '@/lib/archive/set-name';
import { archiveChannel, archivedSet } from '@/server/archive';
import { HttpError } from '@/server/http';
import { archivedSetParamsSchema } from '@/types/archive';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; id: string }> };

async function load(params: Props['params']) {
  const parsed = archivedSetParamsSchema.safeParse(await params);
  if (!parsed.success) return null;
  try {
    const channel = await archiveChannel(parsed.data.slug);
    return { channel, set: await archivedSet(channel, parsed.data.id) };
  } catch (err) {
    // Unknown, hidden, deleted or expired: all read as missing.
    if (err instanceof HttpError) return null;
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  return found ? { title: `${setName(found.set)} on ${found.channel.name}` } : {};
}

/** A recorded set to listen again: player, tempo curve (click to seek), share at a time, download, tracks. */
export default async function ArchivedSetPage({ params }: Props) {
  const found = await load(params);
  if (!found) notFound();
  const { channel, set } = found;
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link className="underline" href={`/c/${channel.slug}/sets`}>
          All sets on {channel.name}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold tracking-tight">{setName(set)}</h1>
      {set.title && set.hosts.length > 0 && <p className="text-lg">with {set.hosts.join(' & ')}</p>}
      <ArchivedSetView set={set} channel={{ slug: channel.slug, name: channel.name, timeZone: channel.timeZone }} />
    </div>
  );
}
