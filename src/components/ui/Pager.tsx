import Link from 'next/link';
import { buttonClasses } from './button-styles';
import { cx } from './cx';

type Props = {
  /** The navigation's accessible name ("Channel pages"). */
  label: string;
  testId: string;
  page: number;
  pages: number;
  href: (page: number) => string;
  previous: string;
  next: string;
  /** What stands between the links; "Page 2 of 5" unless given. */
  status?: string;
  className?: string;
};

/**
 * Previous and next pages as plain links, so paging works before the page's script has loaded and
 * a page can be shared; nothing when everything fits on one page.
 */
export function Pager({ label, testId, page, pages, href, previous, next, status, className }: Props) {
  if (pages <= 1) return null;
  const link = (to: number, text: string, rel: 'prev' | 'next') => (
    <Link href={href(to)} rel={rel} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
      {text}
    </Link>
  );
  return (
    <nav aria-label={label} data-testid={testId} className={cx('flex items-center gap-3 text-sm', className)}>
      {page > 1 ? link(page - 1, previous, 'prev') : <span className="w-20" />}
      {/* One string: React would split "Page {page} of {pages}" into several text nodes. */}
      <span className="text-muted tabular-nums" aria-current="page">
        {status ?? `Page ${page} of ${pages}`}
      </span>
      {page < pages ? link(page + 1, next, 'next') : <span className="w-20" />}
    </nav>
  );
}
