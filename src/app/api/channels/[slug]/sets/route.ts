import { archiveParamsSchema, archiveQuerySchema, type ArchiveListResponse } from '@/types/archive';
import { archiveChannel, listArchive } from '@/server/archive';
import { handler, json, parseParams, parseQuery } from '@/server/http';

export const dynamic = 'force-dynamic';

/** The channel's public archive: finished sets, filtered by DJ, days (channel's zone) and tempo. No sign-in. */
export const GET = handler<{ slug: string }>(async (req, { params }) => {
  const { slug } = await parseParams(params, archiveParamsSchema);
  const query = parseQuery(req, archiveQuerySchema);
  const body: ArchiveListResponse = await listArchive(await archiveChannel(slug), query);
  return json(body);
});
