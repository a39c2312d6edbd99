import 'server-only';
import type { LinkQuality, LinkReport } from '@/types/link-quality';
import { getDb } from '../db';
import { forbidden, notFound, rateLimited, RateLimiter, unavailable } from '../http';
import { liveStateKnown } from '../live-state';
import { djIdentity } from '../livekit';
import { TASKS, wake } from '../loop';
import { keepLink, storedLinks } from './store';
import { assessLink, currentLink, LINK_REPORT_MAX_AGE_MS } from './verdict-plan';

/** The console reports every 3 s; twice that leaves room for a retry and a second tab. */
const REPORTS_PER_MINUTE = 40;
let limiter: RateLimiter | undefined;

/**
 * Keeps a DJ's connection report for the channel they are on air on, and answers with the verdict
 * (the console shows the server's answer, so DJ and admins read the same thing). Only the browser
 * session on air may report: not another DJ of the channel, not an admin watching, not an OBS set.
 */
export async function reportLinkQuality(userId: string, slug: string, report: LinkReport, now = Date.now()): Promise<LinkQuality> {
  limiter ??= new RateLimiter('link-report', REPORTS_PER_MINUTE, 60_000);
  const retryAfter = await limiter.hit(`${userId}:${slug}`);
  if (retryAfter !== null) throw rateLimited(retryAfter);
  const channel = await getDb().channel.findUnique({ where: { slug }, select: { id: true, liveIdentity: true } });
  if (!channel) throw notFound('No such channel.');
  if (!liveStateKnown()) throw unavailable('The live state is being checked; try again shortly.', 5);
  const identity = djIdentity(userId);
  if (channel.liveIdentity !== identity) throw forbidden('Only the DJ on air on this channel reports its connection.');
  const stored = { identity, report, at: now };
  await keepLink(channel.id, stored, LINK_REPORT_MAX_AGE_MS);
  wake(TASKS.streams); // admins see it with the next push, not the next periodic refresh
  return assessLink(stored);
}

/** Link health of every on-air channel with a recent report (for admins), keyed by channel id and slug. */
export async function liveLinks(now = Date.now()): Promise<{ channelId: string; slug: string; link: LinkQuality }[]> {
  if (!liveStateKnown()) return [];
  const live = await getDb().channel.findMany({
    where: { liveIdentity: { not: null } },
    select: { id: true, slug: true, liveIdentity: true },
  });
  const stored = await storedLinks(
    live.map((c) => c.id),
    now,
    LINK_REPORT_MAX_AGE_MS,
  );
  return live.flatMap((c) => {
    const link = currentLink(stored.get(c.id), c.liveIdentity, now);
    return link ? [{ channelId: c.id, slug: c.slug, link }] : [];
  });
}

/** The admin stream's map: channel id to its current link health. */
export async function linkQualities(now = Date.now()): Promise<Record<string, LinkQuality>> {
  return Object.fromEntries((await liveLinks(now)).map((l) => [l.channelId, l.link]));
}
