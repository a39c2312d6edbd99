import { expect, type Page } from '@playwright/test';
import type { ArchiveListResponse, ArchivedSet } from '@/types/archive';

/**
 * Plays a set from the DJ console on `page` (signed in, allowed on air on `slug`): live, recorded
 * for `seconds` once egress writes the live HLS, stopped; then waits for the archive to list it
 * (settle time and finalising) and returns it as the public list shows it.
 */
export async function recordArchivedSet(page: Page, slug: string, seconds = 20): Promise<ArchivedSet> {
  await page.goto(`/dj/${slug}`);
  await page.getByTestId('go-live-button').click();
  await expect(page.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');
  // Recorded once egress writes the live HLS (~10 s after go-live); then the set's length.
  await expect
    .poll(async () => (await page.request.get(`/c/${slug}/live.m3u8`, { maxRedirects: 0 })).status(), { timeout: 60_000 })
    .toBe(302);
  await page.waitForTimeout(seconds * 1000); // the set's length: a recording, not a wait for state
  await page.getByTestId('stop-broadcast-button').click();
  await expect(page.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'idle');
  let set: ArchivedSet | undefined;
  await expect
    .poll(async () => (set = ((await (await page.request.get(`/api/channels/${slug}/sets`)).json()) as ArchiveListResponse).sets[0]), {
      message: 'the set is archived',
      timeout: 90_000,
      intervals: [1_000],
    })
    .toBeDefined();
  if (!set) throw new Error('the set was not archived');
  return set;
}
