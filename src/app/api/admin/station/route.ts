import { brandingInputSchema } from '@/types/station';
import { authorise } from '@/server/auth';
import { handler, json, parseBody } from '@/server/http';
import { getBranding, updateBranding } from '@/server/station';

export const dynamic = 'force-dynamic';

export const GET = handler(async (req) => {
  await authorise(req, ['admin']);
  return json(await getBranding());
});

/** Name, tagline and accent (null: the default); 400 names the contrast a refused accent reached. */
export const PUT = handler(async (req) => {
  const admin = await authorise(req, ['admin']);
  const input = await parseBody(req, brandingInputSchema);
  return json(await updateBranding(input, admin));
});
