import { describe, expect, it } from 'vitest';
import { archivePageHref } from './page-href';

describe('archivePageHref', () => {
  it('keeps the filters and sets the page', () => {
    expect(archivePageHref('night-shift', { dj: 'DJ Ä & Co', minBpm: 120, page: 2 }, 3)).toBe(
      '/c/night-shift/sets?dj=DJ+%C3%84+%26+Co&minBpm=120&page=3',
    );
  });

  it('leaves page 1 without a page parameter', () => {
    expect(archivePageHref('a', { page: 4 }, 1)).toBe('/c/a/sets');
    expect(archivePageHref('a', { from: '2026-12-01' }, 1)).toBe('/c/a/sets?from=2026-12-01');
  });
});
