import Form from 'next/form';
import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button-styles';
import { Input } from '@/components/ui/Input';
import { Pager } from '@/components/ui/Pager';

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

/** Previous / next page links with "Page 2 of 5", keeping the search. */
export function ChannelPager({ listPath, page, pageCount, q }: { listPath: ListPath; page: number; pageCount: number; q: string }) {
  return (
    <Pager
      label="Channel pages"
      testId="channel-pager"
      className="justify-center"
      page={page}
      pages={pageCount}
      href={(to) => listHref(listPath, to, q)}
      previous="Previous"
      next="Next"
    />
  );
}
