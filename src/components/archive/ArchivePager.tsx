import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';
import { archivePageHref } from '@/lib/archive/page-href';
import type { ArchiveQuery } from '@/types/archive';

type Props = { slug: string; query: ArchiveQuery; page: number; pages: number; total: number };

/** Newer and older pages of the archive as plain links, so paging works without JavaScript and can be shared. */
export function ArchivePager({ slug, query, page, pages, total }: Props) {
  if (pages <= 1) return null;
  const link = (to: number, label: string, rel: 'prev' | 'next') => (
    <Link href={archivePageHref(slug, query, to)} rel={rel} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
      {label}
    </Link>
  );
  return (
    <nav aria-label="Archive pages" className="flex items-center justify-between gap-3" data-testid="archive-pager">
      {page > 1 ? link(page - 1, 'Newer sets', 'prev') : <span />}
      <span className="text-sm text-muted tabular-nums" aria-current="page">
        {`Page ${page} of ${pages} · ${total} sets`}
      </span>
      {page < pages ? link(page + 1, 'Older sets', 'next') : <span />}
    </nav>
  );
}
