import { NOW_PLAYING_MAX_BODY_BYTES, nowPlayingParamsSchema, nowPlayingRequestSchema } from '@/types/now-playing';
import { authorise } from '@/server/auth';
import { handler, json, parseBody, parseParams } from '@/server/http';
import { setNowPlaying } from '@/server/now-playing';

export const dynamic = 'force-dynamic';

/**
 * Now playing on the channel: the show title and/or the track that starts now. Only the DJ on
 * air there (or an admin); listeners get it on the channel's live stream.
 */
export const POST = handler<{ slug: string }>(async (req, { params }) => {
  const user = await authorise(req, ['dj', 'admin']);
  const { slug } = await parseParams(params, nowPlayingParamsSchema);
  const body = await parseBody(req, nowPlayingRequestSchema, NOW_PLAYING_MAX_BODY_BYTES);
  return json(await setNowPlaying(user, slug, body));
});
