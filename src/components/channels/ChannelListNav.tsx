import Form from 'next/form';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';
import { Input } from '@/components/ui/Input';

export type ListPath = '/' | '/dj';

/** The list's URL for a page and search; page 1 and an empty search are left out. */
export function listHref(listPath: ListPath, page: number, q: string): string {
  const query = new URLSearchParams({ ...(q && { q }), ...(page > 1 && { page: String(page) }) }).toString();
  return query ? `${listPath}?${query}` : listPath;
}

/** Search by name or slug: a plain GET form, so it works before the page's script has loaded. */
export function ChannelSearch({ listPath, q }: { listPath: ListPath; q: string }) {
  return (
    <Form action={listPath} role="search" className="flex flex-wrap items-center gap-2">
      <label htmlFor="channel-search" className="sr-only">
        Search channels
      </label>
      <Input
        id="channel-search"
        name="q"
        type="search"
        defaultValue={q}
        maxLength={80}
        placeholder="Search channels"
        className="max-w-xs"
      />
      <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
        Search
      </button>
      {q && (
        <Link href={listPath} className="text-sm text-muted underline underline-offset-2 hover:text-ink">
          Show all
        </Link>
      )}
    </Form>
  );
}

/** Previous / next page links with "Page 2 of 5"; nothing when everything fits on one page. */
export function ChannelPager({ listPath, page, pageCount, q }: { listPath: ListPath; page: number; pageCount: number; q: string }) {
  if (pageCount <= 1) return null;
  const link = (to: number, label: string, rel: 'prev' | 'next') => (
    <Link href={listHref(listPath, to, q)} rel={rel} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
      {label}
    </Link>
  );
  return (
    <nav aria-label="Channel pages" data-testid="channel-pager" className="flex items-center justify-center gap-3 text-sm">
      {page > 1 ? link(page - 1, 'Previous', 'prev') : <span className="w-20" />}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? link(page + 1, 'Next', 'next') : <span className="w-20" />}
    </nav>
  );
}
