import 'server-only';
import { processSingleton } from '../singleton';
import type { StoredLink } from './verdict-plan';

/**
 * The last report per channel id, in this process's memory: routes write it, the admin stream
 * and the metrics scrape read it. One app node is enough for now; a cluster would move it to Redis
 * (or the database) behind these two functions.
 */
const reports = () => processSingleton('link-quality.reports', () => new Map<string, StoredLink>());

export const keepLink = (channelId: string, link: StoredLink): void => void reports().set(channelId, link);

export const storedLink = (channelId: string): StoredLink | undefined => reports().get(channelId);

/** Drops reports nobody will show again (older than `maxAgeMs`), so the map stays as small as the station. */
export function forgetOldLinks(now: number, maxAgeMs: number): void {
  for (const [id, link] of reports()) if (now - link.at > maxAgeMs) reports().delete(id);
}
