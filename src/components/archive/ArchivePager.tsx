import { Pager } from '@/components/ui/Pager';
import { archivePageHref } from '@/lib/archive/page-href';
import type { ArchiveQuery } from '@/types/archive';

type Props = { slug: string; query: ArchiveQuery; page: number; pages: number; total: number };

/** Newer and older pages of the archive, keeping the filters. */
export function ArchivePager({ slug, query, page, pages, total }: Props) {
  return (
    <Pager
      label="Archive pages"
      testId="archive-pager"
      className="justify-between"
      page={page}
      pages={pages}
      href={(to) => archivePageHref(slug, query, to)}
      previous="Newer sets"
      next="Older sets"
      status={`Page ${page} of ${pages} · ${total} sets`}
    />
  );
}
