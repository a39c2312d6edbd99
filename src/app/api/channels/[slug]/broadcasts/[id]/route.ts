import { archivedSetParamsSchema, setVisibilitySchema } from '@/types/archive';
import { authorise } from '@/server/auth';
import { deleteSet, setSetHidden } from '@/server/archive';
import { handler, json, noContent, parseBody, parseParams } from '@/server/http';

export const dynamic = 'force-dynamic';

/** Hides a set from the public archive or shows it again (`{ "hidden": true|false }`): its DJs and admins. */
export const PATCH = handler<{ slug: string; id: string }>(async (req, { params }) => {
  const user = await authorise(req, ['dj', 'admin']);
  const { slug, id } = await parseParams(params, archivedSetParamsSchema);
  const { hidden } = await parseBody(req, setVisibilitySchema);
  return json(await setSetHidden(user, slug, id, hidden));
});

/** Deletes an ended set and its recording (admins). */
export const DELETE = handler<{ slug: string; id: string }>(async (req, { params }) => {
  const user = await authorise(req, ['admin']);
  const { slug, id } = await parseParams(params, archivedSetParamsSchema);
  await deleteSet(user, slug, id);
  return noContent();
});
