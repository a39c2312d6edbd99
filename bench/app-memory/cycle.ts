// One cycle of what an operator's station does over months, compressed: accounts and channels
// created with a week of slots, their pages and event streams opened and closed, the admin
// console's stream, and everything deleted again. Whatever the app still holds afterwards, beyond
// warm-up, grows with the number of cycles.
import { fail, sleep } from '../support/env';
import { EventStreams } from '../app-cost/streams';
import { createStation, followStation } from '../app-cost/topics';

async function remove(appUrl: string, route: string, cookie: string): Promise<void> {
  const res = await fetch(`${appUrl}${route}`, { method: 'DELETE', headers: { origin: appUrl, cookie } });
  await res.body?.cancel();
  if (res.status !== 204 && res.status !== 202) fail(`DELETE ${route}: HTTP ${res.status}`);
}

/** Reads a page to the end (server-rendered HTML), failing on anything but 200. */
async function page(url: string): Promise<void> {
  const res = await fetch(url);
  await res.text();
  if (res.status !== 200) fail(`GET ${url}: HTTP ${res.status}`);
}

/**
 * One stream per channel until each has its first state (or 15 s), the admin console's beside
 * them, held `holdMs` longer; `atPeak` runs while they are all open.
 */
async function followAll(appUrl: string, cookie: string, slugs: string[], firstAddress: number, hold: Hold): Promise<void> {
  const station = followStation(appUrl, cookie);
  const streams = slugs.map((slug, i) => new EventStreams(appUrl, slug, firstAddress + i * 25));
  await Promise.all(streams.map((s) => s.grow(1)));
  const refused = streams.reduce((sum, s) => sum + s.refused, 0);
  if (refused > 0) fail(`${refused} of ${slugs.length} event streams were refused`);
  const deadline = Date.now() + 15_000;
  while (streams.some((s) => s.frames === 0) && Date.now() < deadline) await sleep(200);
  await sleep(hold.ms);
  hold.atPeak?.();
  for (const s of streams) s.close();
  station.close();
}

export type Hold = { ms: number; atPeak?: () => void };

/** A full cycle; `index` spreads the streams' source addresses so every cycle's clients are new ones. */
export async function runCycle(appUrl: string, cookie: string, channels: number, index: number, hold: Hold): Promise<void> {
  const { djId, created } = await createStation(appUrl, cookie, channels, 'Memory');
  const slugs = created.map((c) => c.slug);
  await followAll(appUrl, cookie, slugs, index * channels * 25, hold);
  for (const slug of slugs) await page(`${appUrl}/c/${slug}`);
  for (const c of created) await remove(appUrl, `/api/admin/channels/${c.id}`, cookie);
  await remove(appUrl, `/api/admin/accounts/${djId}`, cookie);
}
