import { describe, expect, it } from 'vitest';
import { parseListQuery } from './channel-list-query';

describe('parseListQuery', () => {
  it('reads page and search from the URL', () => {
    expect(parseListQuery({ page: '3', q: ' house ' })).toEqual({ page: 3, q: 'house' });
  });

  it('falls back to page 1 and no search instead of failing the page', () => {
    expect(parseListQuery({})).toEqual({ page: 1, q: '' });
    expect(parseListQuery({ page: 'abc', q: 'techno' })).toEqual({ page: 1, q: 'techno' });
    expect(parseListQuery({ page: '0' })).toEqual({ page: 1, q: '' });
    expect(parseListQuery({ page: ['2', '5'], q: ['a', 'b'] })).toEqual({ page: 2, q: 'a' });
  });

  it('cuts an overlong search to 80 characters', () => {
    expect(parseListQuery({ q: 'x'.repeat(500) }).q).toHaveLength(80);
  });
});
