import { channelBroadcastsParamsSchema, type BroadcastListResponse } from '@/types/tempo';
import { authorise } from '@/server/auth';
import { channelForSets, listBroadcasts } from '@/server/bpm';
import { handler, json, parseParams } from '@/server/http';

export const dynamic = 'force-dynamic';

/** The channel's recent sets (start, end, hosts, length), for admins and the channel's DJs. */
export const GET = handler<{ slug: string }>(async (req, { params }) => {
  const user = await authorise(req, ['dj', 'admin']);
  const { slug } = await parseParams(params, channelBroadcastsParamsSchema);
  const channel = await channelForSets(user, slug);
  const body: BroadcastListResponse = { broadcasts: await listBroadcasts(channel.id) };
  return json(body);
});
