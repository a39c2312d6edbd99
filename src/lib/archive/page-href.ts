// The archive's page links keep the search they page through (pure, unit tested).
import type { ArchiveQuery } from '@/types/archive';

/** `/c/<slug>/sets?...&page=N` with the query's filters; page 1 has no `page`, so it shares the plain address. */
export function archivePageHref(slug: string, query: ArchiveQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key !== 'page' && value !== undefined) params.set(key, String(value));
  }
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/c/${encodeURIComponent(slug)}/sets${search ? `?${search}` : ''}`;
}
