import { authorise } from '@/server/auth';
import { handler, json } from '@/server/http';
import { readLogoUpload, setLogo } from '@/server/station';

/** The logo file as the body (PNG, JPEG or WebP, at most 256 KB, checked by its bytes). */
export const PUT = handler(async (req) => {
  const admin = await authorise(req, ['admin']);
  const logo = await readLogoUpload(req);
  return json(await setLogo(logo, admin));
});

export const DELETE = handler(async (req) => {
  const admin = await authorise(req, ['admin']);
  return json(await setLogo(null, admin));
});
