import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArchiveFilters } from '@/components/archive/ArchiveFilters';
import { ArchiveList } from '@/components/archive/ArchiveList';
import { ArchivePager } from '@/components/archive/ArchivePager';
import { archiveChannel, listArchive } from '@/server/archive';
import { HttpError } from '@/server/http';
import { archiveParamsSchema, archiveQuerySchema, type ArchiveQuery } from '@/types/archive';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function findChannel(params: Props['params']) {
  const parsed = archiveParamsSchema.safeParse(await params);
  if (!parsed.success) return null;
  return archiveChannel(parsed.data.slug).catch((err: unknown) => {
    if (err instanceof HttpError) return null;
    throw err;
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const channel = await findChannel(params);
  return channel
    ? {
        title: `Sets on ${channel.name}`,
        alternates: { types: { 'application/rss+xml': `/c/${channel.slug}/podcast.xml` } },
      }
    : {};
}

/** A channel's public archive: every finished set, searchable by DJ, day and tempo. */
export default async function ArchivePage({ params, searchParams }: Props) {
  const channel = await findChannel(params);
  if (!channel) notFound();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = archiveQuerySchema.safeParse(raw);
  const query: ArchiveQuery = parsed.success ? parsed.data : {};
  const { sets, djs, page, pages, total } = await listArchive(channel, query).catch((err: unknown) => {
    if (err instanceof HttpError) return { sets: [], djs: [], page: 1, pages: 1, total: 0 };
    throw err;
  });
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link className="underline" href={`/c/${channel.slug}`}>
          Back to {channel.name}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold tracking-tight">Sets on {channel.name}</h1>
      <p className="text-sm text-muted">
        Listen again to every set played live here.{' '}
        <a className="underline" href={`/c/${channel.slug}/podcast.xml`}>
          Podcast feed
        </a>
      </p>
      <ArchiveFilters slug={channel.slug} djs={djs} query={query} invalid={!parsed.success} timeZone={channel.timeZone} />
      <ArchiveList slug={channel.slug} sets={sets} timeZone={channel.timeZone} />
      <ArchivePager slug={channel.slug} query={query} page={page} pages={pages} total={total} />
    </div>
  );
}
