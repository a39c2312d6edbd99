import { channelListQuerySchema, type ChannelListResponse } from '@/types/channel';
import { listChannelPage } from '@/server/channels';
import { handler, json, parseQuery } from '@/server/http';

export const dynamic = 'force-dynamic';

/** One page of channels with their live state, on air first; `?page=` (from 1) and `?q=` (search). */
export const GET = handler(async (req) => {
  const body: ChannelListResponse = await listChannelPage(parseQuery(req, channelListQuerySchema));
  return json(body);
});
