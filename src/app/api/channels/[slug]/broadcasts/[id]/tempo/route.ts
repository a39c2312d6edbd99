import { broadcastTempoParamsSchema, type BroadcastTempoResponse } from '@/types/tempo';
import { authorise } from '@/server/auth';
import { broadcastTempo, channelForSets } from '@/server/bpm';
import { handler, json, parseParams } from '@/server/http';

export const dynamic = 'force-dynamic';

/** One set's stored tempo curve (a point every ~5 s, bpm null = no beat). */
export const GET = handler<{ slug: string; id: string }>(async (req, { params }) => {
  const user = await authorise(req, ['dj', 'admin']);
  const { slug, id } = await parseParams(params, broadcastTempoParamsSchema);
  const channel = await channelForSets(user, slug);
  const body: BroadcastTempoResponse = await broadcastTempo(channel.id, id);
  return json(body);
});
