import type { ChannelListQuery, ChannelListResponse, ChannelSummary } from '@/types/channel';

/** Lower-case, accents removed, so "Café" is found by "cafe". */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

function matches(channel: ChannelSummary, words: string[]): boolean {
  const haystack = fold(`${channel.name} ${channel.slug}`);
  return words.every((word) => haystack.includes(word));
}

/** On air first (most listeners first), then by name: what a listener looks for on the first page. */
function byInterest(a: ChannelSummary, b: ChannelSummary): number {
  if (a.live.onAir !== b.live.onAir) return a.live.onAir ? -1 : 1;
  if (a.live.listeners !== b.live.listeners) return b.live.listeners - a.live.listeners;
  return a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug);
}

/** One page of the channel list: search (every word in the name or slug), order, and the page's slice. */
export function planChannelPage(all: ChannelSummary[], query: ChannelListQuery, pageSize: number): ChannelListResponse {
  const words = fold(query.q).split(/\s+/).filter(Boolean);
  const found = all.filter((c) => matches(c, words)).sort(byInterest);
  const pageCount = Math.max(1, Math.ceil(found.length / pageSize));
  const page = Math.min(query.page, pageCount);
  return {
    channels: found.slice((page - 1) * pageSize, page * pageSize),
    page,
    pageCount,
    total: found.length,
    onAir: found.filter((c) => c.live.onAir).length,
    q: query.q,
  };
}
