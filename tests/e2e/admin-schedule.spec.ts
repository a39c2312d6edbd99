import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import type { ScheduleResponse } from '../../src/types/schedule';
import { createChannel, createDj, listDj, sameOrigin, signIn, uniqueSuffix } from './support/accounts';
import { requireEnv } from './support/env';

// The admin's schedule page (issue 17): no hydration failure, input typed at once is kept,
// moving an occurrence with a date-time form in the channel's zone, cancelled ones shown with Restore.
const ZONE = 'Europe/Berlin';
const HYDRATION = /hydrat|did not match|Minified React error #(418|419|421|422|423|425)/i;

test.describe.configure({ mode: 'serial' });

test.describe('admin schedule page', () => {
  const suffix = uniqueSuffix();
  const djName = `DJ Sched ${suffix}`;
  const contexts: BrowserContext[] = [];
  let channel: { id: string; slug: string };
  let djId: string;

  /** A signed-in admin in a browser whose zone and language differ from the server's (UTC, en). */
  async function adminPage(browser: Browser, timezoneId: string): Promise<Page> {
    const context = await browser.newContext({ timezoneId, locale: 'de-DE' });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') }, '/admin');
    return page;
  }

  test.beforeAll(async ({ browser }) => {
    const page = await adminPage(browser, 'UTC');
    channel = await createChannel(page.request, {
      name: `Sched ${suffix}`,
      slug: `sched-${suffix}`,
      description: 'Schedule UX.',
      timeZone: ZONE,
    });
    djId = await createDj(page.request, { name: djName, email: `sched-${suffix}@test.local`, password: `pw-${suffix}-long-enough` });
    await listDj(page.request, channel.id, djId);
  });

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  test('loads without a hydration error and keeps a title typed the moment the form appears', async ({ browser }) => {
    const page = await adminPage(browser, 'America/Los_Angeles');
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && HYDRATION.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const title = `Typed early ${suffix}`;
    const start = DateTime.now().setZone(ZONE).plus({ days: 9 }).set({ hour: 20, minute: 0 }).toFormat("yyyy-MM-dd'T'HH:mm");

    // No waiting for load or hydration: type as soon as the server's HTML shows the field.
    await page.goto(`/admin/channels/${channel.id}`, { waitUntil: 'commit' });
    const form = page.getByTestId('new-slot-form');
    await form.getByLabel('Title').fill(title);
    await form.getByLabel(`Start (${ZONE})`).fill(start);
    await form.getByLabel('Duration (minutes)').fill('30');
    await form.getByLabel(djName).check();
    await form.getByRole('button', { name: 'Create slot' }).click();

    await expect(page.getByTestId('slot-list')).toContainText(title);
    const res = await page.request.get(`/api/admin/channels/${channel.id}/slots`);
    const { slots } = (await res.json()) as { slots: { title: string; start: string }[] };
    expect(slots.map((s) => s.title)).toContain(title);
    // The browser's zone is named after hydration, the server's HTML never had it.
    await expect(page.getByTestId('week-calendar')).toContainText('your zone: America/Los_Angeles');
    expect(problems).toEqual([]);
  });

  test('moves an occurrence with a date-time form in the channel zone; a cancelled one stays shown, with Restore', async ({ browser }) => {
    const page = await adminPage(browser, 'Europe/London');
    page.on('dialog', (d) => void d.accept());
    // A weekly slot, Wednesdays 12:00 in Berlin, from next week on.
    const first = DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 1, days: 2 }).set({ hour: 12 });
    const created = await page.request.post(`/api/admin/channels/${channel.id}/slots`, {
      data: {
        title: 'Weekly Move',
        start: first.toFormat("yyyy-MM-dd'T'HH:mm"),
        durationSeconds: 3600,
        hostIds: [djId],
        repeat: { everyWeeks: 1 },
      },
      headers: sameOrigin(),
    });
    expect(created.status(), await created.text()).toBe(201);

    await page.goto(`/admin/channels/${channel.id}`);
    await page.getByRole('button', { name: 'Next week →' }).click();
    const occurrence = page.getByTestId('calendar-occurrence').filter({ hasText: 'Weekly Move' });
    await occurrence.getByRole('button', { name: 'Move' }).click();
    const move = page.getByTestId('move-form');
    const newStart = move.getByLabel(`New start (${ZONE})`);
    await expect(newStart).toHaveValue(first.toFormat("yyyy-MM-dd'T'HH:mm"));
    const moved = first.set({ hour: 14, minute: 30 });
    await newStart.fill(moved.toFormat("yyyy-MM-dd'T'HH:mm"));
    await move.getByRole('button', { name: 'Move' }).click();
    await expect(move).toBeHidden();
    await expect(occurrence).toContainText('14:30–15:30');
    await expect(occurrence).toContainText('moved');
    expect((await weekly(page, channel.slug, first.startOf('week'))).map((o) => o.start)).toEqual([moved.toUTC().toISO()]);

    // The week after: cancel, still on the calendar as cancelled (listeners no longer see it), then restore.
    await page.getByRole('button', { name: 'Next week →' }).click();
    await expect(occurrence).toContainText('12:00–13:00');
    await occurrence.getByRole('button', { name: 'Cancel' }).click();
    await expect(occurrence).toHaveAttribute('data-cancelled', 'true');
    await expect(occurrence).toContainText('Cancelled');
    await expect(page.getByTestId('slot-list')).toContainText('Cancelled');
    expect(await weekly(page, channel.slug, first.startOf('week').plus({ weeks: 1 }))).toEqual([]);
    await occurrence.getByRole('button', { name: 'Restore' }).click();
    await expect(occurrence).not.toHaveAttribute('data-cancelled', 'true');
    await expect(occurrence.getByRole('button', { name: 'Move' })).toBeVisible();
    expect(await weekly(page, channel.slug, first.startOf('week').plus({ weeks: 1 }))).toHaveLength(1);
  });

  test('restore is validated and only a POST changes anything', async ({ browser }) => {
    const page = await adminPage(browser, 'UTC');
    const { slots } = (await (await page.request.get(`/api/admin/channels/${channel.id}/slots`)).json()) as { slots: { id: string }[] };
    const url = `/api/admin/slots/${slots[0]!.id}/occurrences`;
    const bad = await page.request.post(url, { data: { action: 'restore', occurrence: 'next tuesday' }, headers: sameOrigin() });
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBeTruthy();
    expect((await page.request.get(url)).status()).toBe(405);
  });
});

/** The public schedule's "Weekly Move" occurrences in one week: what listeners see. */
async function weekly(page: Page, slug: string, weekStart: DateTime): Promise<ScheduleResponse['occurrences']> {
  const query = new URLSearchParams({ from: weekStart.toUTC().toISO()!, to: weekStart.plus({ weeks: 1 }).toUTC().toISO()! });
  const res = await page.request.get(`/api/channels/${slug}/schedule?${query}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as ScheduleResponse).occurrences.filter((o) => o.title === 'Weekly Move');
}
