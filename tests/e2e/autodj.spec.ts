import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createChannel, createDj, sameOrigin, scheduleNow, signIn, uniqueSuffix, type Credentials } from './support/accounts';
import { toneProminence } from './support/audio';
import { requireEnv } from './support/env';
import { TONE_HZ } from './support/paths';

/** The replayed set's tone; the DJ console's fake microphone plays TONE_HZ (1 kHz). */
const REPLAY_HZ = 440;
const TONE_MARGIN_DB = 30;
const LIVE_STATE_TIMEOUT = 25_000;

test.describe.configure({ mode: 'serial' });

// AutoDJ at a real listener page (Chromium): a channel's archived set is replayed while nobody is
// on air ("Replay: DJ Seed, <date>", its tone heard); a DJ going live from the console takes over
// (the DJ's tone, not the replay's); when the DJ stops, the replay is back.
test.describe('AutoDJ at the listener page', () => {
  const suffix = uniqueSuffix();
  const slug = `autodj-${suffix}`;
  const dj = { name: `DJ Live ${suffix}`, email: `dj-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  const contexts: BrowserContext[] = [];
  let djPage: Page;
  let listenerPage: Page;
  let adminPage: Page;
  let channelId = '';

  async function newPage(browser: Browser): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  }
  const heard = (hz: number, message: string) =>
    expect
      .poll(() => toneProminence(listenerPage, hz), { message, timeout: 30_000, intervals: [500, 1_000] })
      .toBeGreaterThan(TONE_MARGIN_DB);

  test.beforeAll(async ({ browser }) => {
    const admin: Credentials = { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') };
    adminPage = await newPage(browser);
    await signIn(adminPage, admin);
    const channel = await createChannel(adminPage.request, { name: `AutoDJ ${suffix}`, slug, description: 'AutoDJ replays' });
    channelId = channel.id;
    await scheduleNow(adminPage.request, channel.id, await createDj(adminPage.request, dj));
    const root = path.resolve(__dirname, '..', '..');
    execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['tests/e2e/support/seed-set.ts', channel.id, String(REPLAY_HZ), '300'], {
      cwd: root,
    });
    const on = await adminPage.request.patch(`/api/admin/channels/${channel.id}`, {
      data: { autoDjEnabled: true, archiveEnabled: false },
      headers: sameOrigin(),
    });
    expect(on.status(), await on.text()).toBe(200);
    djPage = await newPage(browser);
    await signIn(djPage, dj, `/dj/${slug}`);
    listenerPage = await newPage(browser);
  });

  test.afterAll(async () => {
    // Off again: a replay left running would play through every later spec (run K, 2026-12-05).
    if (channelId) {
      const off = await adminPage.request.patch(`/api/admin/channels/${channelId}`, {
        data: { autoDjEnabled: false },
        headers: sameOrigin(),
      });
      expect(off.status(), await off.text()).toBe(200);
    }
    for (const context of contexts.splice(0)) await context.close();
  });

  test('a listener hears the replay, shown as a replay and not as a DJ', async () => {
    await listenerPage.goto(`/c/${slug}`);
    await expect(listenerPage.getByTestId('channel-replay')).toContainText('Replay: DJ Seed', { timeout: LIVE_STATE_TIMEOUT });
    await expect(listenerPage.getByTestId('channel-replay-badge')).toBeVisible();
    await expect(listenerPage.getByTestId('channel-dj-name')).toHaveCount(0);
    await listenerPage.getByTestId('play-button').click();
    await heard(REPLAY_HZ, 'the replay should reach the listener');
    await expect(listenerPage.getByTestId('listener-status')).toHaveText('Playing a replay.');
  });

  test('a DJ going live takes over, and the replay resumes when the DJ stops', async () => {
    await djPage.goto(`/dj/${slug}`);
    await djPage.getByTestId('go-live-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');
    await heard(TONE_HZ, 'the DJ should reach the listener');
    await expect(listenerPage.getByTestId('channel-dj-name')).toHaveText(dj.name, { timeout: LIVE_STATE_TIMEOUT });
    await expect(listenerPage.getByTestId('channel-replay')).toHaveCount(0);
    await expect
      .poll(() => toneProminence(listenerPage, REPLAY_HZ), { message: 'the replay stops', timeout: 10_000 })
      .toBeLessThan(TONE_MARGIN_DB);

    await djPage.getByTestId('stop-broadcast-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'idle');
    await heard(REPLAY_HZ, 'the replay should be back after the DJ stopped');
    await expect(listenerPage.getByTestId('channel-replay')).toContainText('Replay: DJ Seed', { timeout: LIVE_STATE_TIMEOUT });
  });
});
