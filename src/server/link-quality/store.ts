import 'server-only';
import { linkReportSchema } from '@/types/link-quality';
import { z } from 'zod';
import { expiringValues } from '../redis';
import { processSingleton } from '../singleton';
import type { StoredLink } from './verdict-plan';

/**
 * The last report per channel id. With the app's Redis (several replicas) it lives there, expiring
 * by itself: a report sent to one replica shows on every replica's admin stream. Without it, in this
 * process's memory, swept of reports nobody will show again.
 */
const memory = () => processSingleton('link-quality.reports', () => new Map<string, StoredLink>());
const shared = () => processSingleton('link-quality.shared', () => expiringValues('link'));

const storedSchema: z.ZodType<StoredLink> = z.object({ identity: z.string(), report: linkReportSchema, at: z.number() });

export async function keepLink(channelId: string, link: StoredLink, maxAgeMs: number): Promise<void> {
  const store = shared();
  if (store) await store.put(channelId, JSON.stringify(link), maxAgeMs);
  else memory().set(channelId, link);
}

/** The reports of these channels no older than `maxAgeMs`, by channel id. */
export async function storedLinks(channelIds: string[], now: number, maxAgeMs: number): Promise<Map<string, StoredLink>> {
  const store = shared();
  if (!store) {
    for (const [id, link] of memory()) if (now - link.at > maxAgeMs) memory().delete(id);
    return new Map(channelIds.flatMap((id) => (memory().has(id) ? [[id, memory().get(id) as StoredLink] as const] : [])));
  }
  const raw = await store.getMany(channelIds);
  const links = new Map<string, StoredLink>();
  for (const [id, json] of raw) {
    const parsed = storedSchema.safeParse(JSON.parse(json));
    if (parsed.success) links.set(id, parsed.data);
  }
  return links;
}
