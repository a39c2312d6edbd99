import { archivedSetParamsSchema, setChangeSchema } from '@/types/archive';
import { authorise } from '@/server/auth';
import { changeSet, deleteSet } from '@/server/archive';
import { handler, json, noContent, parseBody, parseParams } from '@/server/http';

export const dynamic = 'force-dynamic';

/**
 * Changes a set: `{ "hidden": true|false }` hides it from the public archive or shows it again (its
 * DJs and admins); `{ "autoDj": true|false }` puts it on AutoDJ's list or takes it off (admins).
 */
export const PATCH = handler<{ slug: string; id: string }>(async (req, { params }) => {
  const user = await authorise(req, ['dj', 'admin']);
  const { slug, id } = await parseParams(params, archivedSetParamsSchema);
  const change = await parseBody(req, setChangeSchema);
  return json(await changeSet(user, slug, id, change));
});

/** Deletes an ended set and its recording (admins). */
export const DELETE = handler<{ slug: string; id: string }>(async (req, { params }) => {
  const user = await authorise(req, ['admin']);
  const { slug, id } = await parseParams(params, archivedSetParamsSchema);
  await deleteSet(user, slug, id);
  return noContent();
});
