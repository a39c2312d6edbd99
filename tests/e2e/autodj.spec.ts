import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { encodeWav } from '../../src/lib/wav';
import { CHROMIUM, chromiumArgs } from '../support/chromium';
import { createChannel, createDj, sameOrigin, scheduleNow, signIn, uniqueSuffix, type Credentials } from './support/accounts';
import { takeoverGap, toneProminence, toneTimeline } from './support/audio';
import { requireEnv } from './support/env';
import { recordArchivedSet } from './support/record-set';
import { TONE_HZ } from './support/paths';

/** The first DJ's microphone (their own browser), so their recorded set is told apart from the second DJ's TONE_HZ. */
const SET_HZ = 440;
const SET_WAV = path.resolve(__dirname, '..', '..', '.local', 'e2e', 'tone-440-stereo-48k.wav');
const TONE_MARGIN_DB = 30;
const LIVE_STATE_TIMEOUT = 25_000;
/** The targets at a listener: no silence over 1 s, no overlap over 300 ms, resumed within 5 s; x 2 for a loaded machine. */
const GAP_LIMIT_MS = 2_000;
const OVERLAP_LIMIT_MS = 600;
const RESUME_LIMIT_MS = 10_000;

test.describe.configure({ mode: 'serial' });

function writeSetWav(): void {
  const rate = 48_000;
  const tone = new Float32Array(rate * 10).map((_, i) => 0.5 * Math.sin((2 * Math.PI * SET_HZ * i) / rate));
  mkdirSync(path.dirname(SET_WAV), { recursive: true });
  writeFileSync(SET_WAV, encodeWav([tone, tone], rate, 16));
}

// AutoDJ at a real listener page (Chromium), on a set the station recorded: a DJ plays a short set
// from the console (440 Hz), the archive keeps it, and AutoDJ replays it while nobody is on air
// ("Replay: <DJ>, <date>", its tone heard); a second DJ going live takes over (their 1 kHz; the gap
// is measured at the listener); when they stop, the replay is back.
test.describe('AutoDJ at the listener page', () => {
  const suffix = uniqueSuffix();
  const slug = `autodj-${suffix}`;
  const dj = { name: `DJ Live ${suffix}`, email: `dj-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  const contexts: BrowserContext[] = [];
  let setBrowser: Browser;
  let setPage: Page;
  let djPage: Page;
  let listenerPage: Page;
  let channelId = '';

  async function newPage(browser: Browser): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  }
  async function autoDj(on: boolean): Promise<void> {
    const res = await setPage.request.patch(`/api/admin/channels/${channelId}`, { data: { autoDjEnabled: on }, headers: sameOrigin() });
    expect(res.status(), await res.text()).toBe(200);
  }
  const heard = (hz: number, message: string) =>
    expect
      .poll(() => toneProminence(listenerPage, hz), { message, timeout: 30_000, intervals: [500, 1_000] })
      .toBeGreaterThan(TONE_MARGIN_DB);

  test.beforeAll(async ({ browser }) => {
    writeSetWav();
    setBrowser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs(SET_WAV), headless: true });
    const admin: Credentials = { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') };
    // The admin plays the first set (admins may always go live), from the browser whose microphone is 440 Hz.
    setPage = await newPage(setBrowser);
    await signIn(setPage, admin);
    const channel = await createChannel(setPage.request, { name: `AutoDJ ${suffix}`, slug, description: 'AutoDJ replays' });
    channelId = channel.id;
    await scheduleNow(setPage.request, channel.id, await createDj(setPage.request, dj));
    await autoDj(true);
    djPage = await newPage(browser);
    await signIn(djPage, dj, `/dj/${slug}`);
    listenerPage = await newPage(browser);
  });

  test.afterAll(async () => {
    // Off again: a replay left running would play through every later spec (run K, 2026-12-05).
    if (channelId) await autoDj(false);
    for (const context of contexts.splice(0)) await context.close();
    await setBrowser?.close();
  });

  test("a DJ's set is archived, and a listener hears AutoDJ replay it, shown as a replay and not as a DJ", async () => {
    test.setTimeout(240_000); // worst case: 60 s to the live playlist, 20 s of set, 90 s to the archive, 55 s at the listener
    const set = await recordArchivedSet(setPage, slug);
    await listenerPage.goto(`/c/${slug}`);
    await expect(listenerPage.getByTestId('channel-replay')).toContainText(`Replay: ${set.hosts[0]}`, { timeout: LIVE_STATE_TIMEOUT });
    await expect(listenerPage.getByTestId('channel-replay-badge')).toBeVisible();
    await expect(listenerPage.getByTestId('channel-dj-name')).toHaveCount(0);
    await listenerPage.getByTestId('play-button').click();
    await heard(SET_HZ, 'the replay of the recorded set should reach the listener');
    await expect(listenerPage.getByTestId('listener-status')).toHaveText('Playing a replay.');
  });

  test('a second DJ going live takes over (the gap measured at the listener), and the replay resumes when they stop', async () => {
    test.setTimeout(120_000);
    await djPage.goto(`/dj/${slug}`);
    // AutoDJ off and on: a fresh replay from the set's start, so the takeover falls inside one replay
    // (about 20 s) and not in the short break between two (it loops the one set).
    await autoDj(false);
    await expect
      .poll(() => toneProminence(listenerPage, SET_HZ), { message: 'the replay stops', timeout: 15_000, intervals: [250] })
      .toBeLessThan(TONE_MARGIN_DB);
    await autoDj(true);
    await heard(SET_HZ, 'a fresh replay');
    const timeline = toneTimeline(listenerPage, {
      tones: [SET_HZ, TONE_HZ],
      ms: 45_000,
      stopHz: TONE_HZ,
      afterMs: 3_000,
      marginDb: TONE_MARGIN_DB,
    });
    await djPage.getByTestId('go-live-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');
    const takeover = takeoverGap(await timeline, SET_HZ, TONE_HZ);
    console.info(`[autodj e2e] takeover at the listener page: ${JSON.stringify(takeover)} (to the ~50 ms tick)`);
    expect(takeover, 'the DJ should reach the listener').not.toBeNull();
    expect(takeover?.gapMs, 'silence between the replay and the DJ').toBeLessThan(GAP_LIMIT_MS);
    expect(takeover?.overlapMs, 'the replay heard over the DJ').toBeLessThan(OVERLAP_LIMIT_MS);
    await expect(listenerPage.getByTestId('channel-dj-name')).toHaveText(dj.name, { timeout: LIVE_STATE_TIMEOUT });
    await expect(listenerPage.getByTestId('channel-replay')).toHaveCount(0);

    await djPage.getByTestId('stop-broadcast-button').click();
    const stopped = Date.now();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'idle');
    await expect
      .poll(() => toneProminence(listenerPage, SET_HZ), { message: 'the replay is back', timeout: RESUME_LIMIT_MS, intervals: [250] })
      .toBeGreaterThan(TONE_MARGIN_DB);
    console.info(`[autodj e2e] the replay heard again ${Date.now() - stopped} ms after the DJ pressed Stop`);
    await expect(listenerPage.getByTestId('channel-replay')).toContainText('Replay: ', { timeout: LIVE_STATE_TIMEOUT });
  });
});
