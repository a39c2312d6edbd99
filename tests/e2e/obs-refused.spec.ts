import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createChannel, createDj, listDj, scheduleAt, signIn, uniqueSuffix, type Credentials } from './support/accounts';
import { requireEnv } from './support/env';

/** The DJ's own zone, unlike the channel's (UTC): the console must show times in this one. */
const DJ_ZONE = 'Asia/Tokyo';

test.describe('OBS input outside a slot', () => {
  const suffix = uniqueSuffix();
  const slug = `obs-refused-${suffix}`;
  const dj = { name: `DJ Early ${suffix}`, email: `obs-early-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  const contexts: BrowserContext[] = [];

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  test('the console says why pushes are refused and from when OBS can connect, in the DJ’s time zone', async ({ browser }) => {
    const adminContext = await browser.newContext();
    const djContext = await browser.newContext({ timezoneId: DJ_ZONE });
    contexts.push(adminContext, djContext);
    const adminPage = await adminContext.newPage();
    const admin: Credentials = { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') };
    await signIn(adminPage, admin);
    const channel = await createChannel(adminPage.request, { name: `OBS refused ${suffix}`, slug, description: 'No slot yet.' });
    const djId = await createDj(adminPage.request, dj);
    await listDj(adminPage.request, channel.id, djId); // on the channel, no slot yet
    const djPage: Page = await djContext.newPage();
    await signIn(djPage, dj, `/dj/${slug}`);

    const rtmp = djPage.getByTestId('obs-input-rtmp');
    await rtmp.getByTestId('obs-create-button').click();
    await expect(rtmp.getByTestId('obs-status')).toHaveAttribute('data-state', 'refused');
    await expect(rtmp.getByTestId('obs-status-text')).toContainText('no upcoming slot on this channel');

    // A slot three hours ahead: the green room opens SLOT_GREEN_ROOM_SECONDS before it (the harness runs the default, 600).
    const start = new Date(Math.ceil((Date.now() + 3 * 3600_000) / 60_000) * 60_000);
    await scheduleAt(adminPage.request, channel.id, djId, start, 3600, 'Late Show');
    const opens = new Date(start.getTime() - 600_000);
    // The same words the console uses, computed in the DJ's browser (its zone, its locale).
    const shown = (at: Date) =>
      djPage.evaluate((iso) => {
        const d = new Date(iso);
        const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
        return d.toDateString() === new Date().toDateString()
          ? time
          : `${d.toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short' })}, ${time}`;
      }, at.toISOString());
    const text = rtmp.getByTestId('obs-status-text');
    await expect(text).toContainText('Refused now: it is not your slot yet.', { timeout: 15_000 });
    await expect(text).toContainText(`OBS can connect from ${await shown(opens)} (the green room)`);
    await expect(text).toContainText(`when your slot “Late Show” starts at ${await shown(start)}`);
    await expect(rtmp.getByTestId('obs-status')).toHaveAttribute('data-state', 'refused');
  });
});
