import { type ChannelListQuery, channelListQuerySchema } from '@/types/channel';

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The list query of a page's URL. Unlike the API, a page never fails on a hand-edited URL:
 * a bad page number shows page 1 and an overlong search is cut.
 */
export function parseListQuery(params: SearchParams): ChannelListQuery {
  const fallback = channelListQuerySchema.parse({});
  const page = channelListQuerySchema.shape.page.safeParse(first(params.page));
  const q = channelListQuerySchema.shape.q.safeParse(first(params.q)?.slice(0, 80));
  return { page: page.success ? page.data : fallback.page, q: q.success ? q.data : fallback.q };
}
