import type { ChannelListResponse } from '@/types/channel';
import { listChannels } from '@/server/channels';
import { handler, json } from '@/server/http';

export const dynamic = 'force-dynamic';

export const GET = handler(async () => {
  const body: ChannelListResponse = { channels: await listChannels() };
  return json(body);
});
