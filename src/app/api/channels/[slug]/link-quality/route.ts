import { linkQualityParamsSchema, linkReportSchema, type LinkQuality } from '@/types/link-quality';
import { authorise } from '@/server/auth';
import { BODY_LIMITS, handler, json, parseBody, parseParams } from '@/server/http';
import { reportLinkQuality } from '@/server/link-quality';

export const dynamic = 'force-dynamic';

/** The on-air DJ console's connection report (every few seconds while live); answers with the verdict. */
export const POST = handler<{ slug: string }>(async (req, { params }) => {
  const user = await authorise(req, ['dj', 'admin']);
  const { slug } = await parseParams(params, linkQualityParamsSchema);
  const report = await parseBody(req, linkReportSchema, BODY_LIMITS.linkReport);
  const body: LinkQuality = await reportLinkQuality(user.id, slug, report);
  return json(body);
});
