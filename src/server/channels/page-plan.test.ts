import { describe, expect, it } from 'vitest';
import type { ChannelSummary } from '@/types/channel';
import { planChannelPage } from './page-plan';

function channel(slug: string, name: string, onAir = false, listeners = 0): ChannelSummary {
  return {
    id: slug,
    slug,
    name,
    description: '',
    timeZone: 'UTC',
    live: { known: true, onAir, djName: onAir ? 'DJ' : null, since: null, listeners, hls: null },
  };
}

const slugs = (r: { channels: ChannelSummary[] }) => r.channels.map((c) => c.slug);

describe('planChannelPage', () => {
  const all = [
    channel('zulu', 'Zulu'),
    channel('alpha', 'Alpha'),
    channel('night', 'Night Café', true, 2),
    channel('house', 'House Nation', true, 9),
    channel('beta', 'Beta'),
  ];

  it('puts on-air channels first, busiest first, then the rest by name', () => {
    const r = planChannelPage(all, { page: 1, q: '' }, 10);
    expect(slugs(r)).toEqual(['house', 'night', 'alpha', 'beta', 'zulu']);
    expect(r).toMatchObject({ page: 1, pageCount: 1, total: 5, onAir: 2 });
  });

  it('slices pages and shows the last page for a page past the end', () => {
    expect(slugs(planChannelPage(all, { page: 2, q: '' }, 2))).toEqual(['alpha', 'beta']);
    const past = planChannelPage(all, { page: 99, q: '' }, 2);
    expect(past).toMatchObject({ page: 3, pageCount: 3 });
    expect(slugs(past)).toEqual(['zulu']);
  });

  it('finds every word in the name or slug, ignoring case and accents', () => {
    expect(slugs(planChannelPage(all, { page: 1, q: 'cafe' }, 10))).toEqual(['night']);
    expect(slugs(planChannelPage(all, { page: 1, q: 'NATION hou' }, 10))).toEqual(['house']);
    expect(slugs(planChannelPage(all, { page: 1, q: 'alp zz' }, 10))).toEqual([]);
  });

  it('answers one empty page when nothing matches', () => {
    expect(planChannelPage([], { page: 4, q: 'x' }, 10)).toEqual({ channels: [], page: 1, pageCount: 1, total: 0, onAir: 0, q: 'x' });
  });
});
