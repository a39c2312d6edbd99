import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { fourOnFloor, render } from '../../src/lib/bpm/synth.test-support';
import { encodeWav } from '../../src/lib/wav';
import type { BroadcastListResponse, BroadcastTempoResponse } from '../../src/types/tempo';
import { CHROMIUM, chromiumArgs } from '../support/chromium';
import { createChannel, createDj, scheduleNow, signIn, uniqueSuffix, type Credentials } from './support/accounts';
import { requireEnv } from './support/env';
import { chooseListenMode } from './support/listen';

const TEMPO = 128;
const SAMPLE_RATE = 48_000;
/** 64 beats exactly, so Chromium's looping of the fake microphone keeps the beat grid. */
const SECONDS = (64 * 60) / TEMPO;
const WAV = path.resolve(__dirname, '..', '..', '.local', 'e2e', 'drums-128bpm-stereo-48k.wav');

/** The value a page shows, as a number (NaN when there is none yet). */
const shownBpm = async (page: Page, testId: string) => Number((await page.getByTestId(testId).getAttribute('data-bpm')) || Number.NaN);

/** How many different looks (opacity, scale) the listener's beat pulse shows over one second (two beats at 128 BPM). */
function pulseLooks(page: Page): Promise<number> {
  return page.getByTestId('listener-bpm-pulse').evaluate(
    (el) =>
      new Promise<number>((resolve) => {
        const looks = new Set<string>();
        const end = performance.now() + 1_000;
        requestAnimationFrame(function sample(now) {
          const style = getComputedStyle(el);
          looks.add(`${style.opacity} ${style.transform}`);
          if (now < end) requestAnimationFrame(sample);
          else resolve(looks.size);
        });
      }),
  );
}

test.describe('realtime BPM, DJ console to listener', () => {
  const suffix = uniqueSuffix();
  const slug = `bpm-${suffix}`;
  const dj = { name: `DJ Tempo ${suffix}`, email: `dj-bpm-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  let browser: Browser;

  test.beforeAll(async () => {
    // A four-on-the-floor loop (kick, snare on 2 and 4, off-beat hats) as the DJ's microphone.
    mkdirSync(path.dirname(WAV), { recursive: true });
    const mono = render(fourOnFloor(TEMPO, 0, SECONDS), SECONDS, SAMPLE_RATE);
    writeFileSync(WAV, encodeWav([mono, mono], SAMPLE_RATE, 16));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs(WAV), headless: true });
  });

  test.afterAll(async () => {
    await browser?.close();
  });

  test('the console shows 128 BPM within 5 s and a listener sees it, over WebRTC and HLS; the past-set page shows the curve', async ({
    baseURL,
  }) => {
    // Go live, WebRTC listener, then HLS (egress starts Chromium first) and the past-sets page.
    test.setTimeout(240_000);
    const admin: Credentials = { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') };
    const adminContext = await browser.newContext({ baseURL });
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, admin);
    const channel = await createChannel(adminPage.request, { name: `E2E Tempo ${suffix}`, slug, description: 'A 128 BPM drum loop.' });
    await scheduleNow(adminPage.request, channel.id, await createDj(adminPage.request, dj));
    // The admin's channel page links to the past sets.
    await adminPage.goto(`/admin/channels/${channel.id}`);
    await expect(adminPage.getByTestId('past-sets-link')).toHaveAttribute('href', `/dj/${slug}/sets`);
    await adminContext.close();

    const djContext = await browser.newContext({ baseURL });
    const djPage = await djContext.newPage();
    await signIn(djPage, dj, `/dj/${slug}`);
    await expect(djPage.getByTestId('device-select')).toBeEnabled();
    await djPage.getByTestId('go-live-button').click();
    const clicked = Date.now();
    const seen: string[] = [];
    await expect
      .poll(
        async () => {
          const v = await shownBpm(djPage, 'bpm-value');
          seen.push(`${Date.now() - clicked}ms:${v}`);
          return Math.abs(v - TEMPO);
        },
        // The target is 5 s; twice that for a loaded machine (the annotation below records the real figure).
        { timeout: 10_000, intervals: [250] },
      )
      .toBeLessThanOrEqual(0.5)
      .finally(() => console.log(`console BPM after the go-live click: ${seen.join(' ')}`));
    test.info().annotations.push({ type: 'console shows 128 +- 0.5 after go-live click (ms)', description: String(Date.now() - clicked) });
    await expect(djPage.getByTestId('bpm-pulse')).toHaveAttribute('data-beating', 'true');
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');
    await expect.poll(async () => Number(await djPage.getByTestId('bpm-confidence').getAttribute('data-confidence'))).toBeGreaterThan(0.3);

    // Full motion: the pulse is checked flashing first, then standing still under reduced motion.
    const listenerContext = await browser.newContext({ baseURL, reducedMotion: 'no-preference' });
    const listenerPage = await listenerContext.newPage();
    await listenerPage.goto(`/c/${slug}`);
    await listenerPage.getByTestId('play-button').click();
    await expect(listenerPage.getByTestId('listener-status')).toHaveAttribute('data-state', 'playing', { timeout: 25_000 });
    await expect
      .poll(async () => Math.abs((await shownBpm(listenerPage, 'listener-bpm')) - TEMPO), { timeout: 15_000 })
      .toBeLessThanOrEqual(0.5);
    await expect(listenerPage.getByTestId('listener-bpm-pulse')).toHaveAttribute('data-beating', 'true');
    // The pulse flashes, and stands still once the system asks for reduced motion (docs/accessibility.md).
    const pulse = listenerPage.getByTestId('listener-bpm-pulse');
    await expect(pulse).toHaveAttribute('data-motion', 'full');
    expect(await pulseLooks(listenerPage)).toBeGreaterThan(3);
    await listenerPage.emulateMedia({ reducedMotion: 'reduce' });
    await expect(pulse).toHaveAttribute('data-motion', 'reduced');
    // Still and lit (a beat is known): the last flash may still be settling when the switch lands,
    // so wait for the still look, then check that it holds.
    await expect(pulse).toHaveCSS('opacity', '1');
    await expect(pulse).toHaveCSS('transform', 'none');
    expect(await pulseLooks(listenerPage)).toBe(1);
    await listenerPage.emulateMedia({ reducedMotion: null });
    // The listener shows what the console shows (published at one decimal, throttled to real changes).
    // Polled: the two are read one after the other while the console's value may move.
    await expect
      .poll(async () => Math.abs((await shownBpm(listenerPage, 'listener-bpm')) - (await shownBpm(djPage, 'bpm-value'))))
      .toBeLessThanOrEqual(0.2);

    // The tempo curve fills while the set runs.
    await expect
      .poll(async () => Number(await djPage.getByTestId('bpm-curve').getAttribute('data-points')), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);

    await listenerContext.close();

    // An HLS listener is not in the room: the tempo comes from the channel's event stream (relayed
    // by the server from the DJ's attributes), the pulse shifted by the player's delay behind live.
    const hlsContext = await browser.newContext({ baseURL });
    const hlsPage = await hlsContext.newPage();
    await hlsPage.goto(`/c/${slug}`);
    await chooseListenMode(hlsPage, 'hls');
    await hlsPage.getByTestId('play-button').click();
    await expect(hlsPage.getByTestId('listen-path')).toHaveAttribute('data-path', 'hls', { timeout: 60_000 });
    await expect(hlsPage.getByTestId('listener-status')).toHaveAttribute('data-state', 'playing', { timeout: 60_000 });
    await expect
      .poll(async () => Math.abs((await shownBpm(hlsPage, 'listener-bpm')) - TEMPO), { timeout: 10_000 })
      .toBeLessThanOrEqual(0.5);
    await expect(hlsPage.getByTestId('listener-bpm-pulse')).toHaveAttribute('data-beating', 'true');
    await hlsContext.close();

    // The stored curve gains a point about every 5 s: keep the set on air until it holds three
    // beats (on a fast machine the steps above take only a few seconds).
    await expect
      .poll(
        async () => {
          const list = (await (await djPage.request.get(`/api/channels/${slug}/broadcasts`)).json()) as BroadcastListResponse;
          const open = list.broadcasts.find((b) => b.endedAt === null);
          if (!open) return 0;
          const res = await djPage.request.get(`/api/channels/${slug}/broadcasts/${open.id}/tempo`);
          return ((await res.json()) as BroadcastTempoResponse).points.filter((p) => p.bpm !== null).length;
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(3);

    await djPage.getByTestId('stop-broadcast-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'idle');

    // After the set: the DJ finds it from /dj and sees its stored tempo curve at 128.
    await djPage.goto('/dj');
    await djPage
      .getByTestId('past-sets-links')
      .getByRole('link', { name: `E2E Tempo ${suffix}` })
      .click();
    await expect(djPage).toHaveURL(new RegExp(`/dj/${slug}/sets$`));
    await expect(djPage.getByTestId('past-set')).toHaveCount(1);
    // The set ends when the server sees the DJ's track go (a webhook): reload until it has.
    await expect(async () => {
      await djPage.reload();
      await expect(djPage.getByTestId('past-set').first()).not.toContainText('on air', { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    const curve = djPage.getByTestId('set-tempo-curve');
    await expect.poll(async () => Number(await curve.getAttribute('data-beats'))).toBeGreaterThanOrEqual(3);
    expect(Math.abs(Number(await curve.getAttribute('data-median-bpm')) - TEMPO)).toBeLessThanOrEqual(0.5);
    await expect(curve.locator('path')).toHaveAttribute('d', /^M/);
    // AutoDJ's list is the admins' to choose: the DJ sees no such button.
    await expect(djPage.getByRole('button', { name: "Add to AutoDJ's list" })).toHaveCount(0);
    await djContext.close();

    const pickerContext = await browser.newContext({ baseURL });
    const picker = await pickerContext.newPage();
    await signIn(picker, admin);
    await picker.goto(`/dj/${slug}/sets`);
    const controls = picker.getByTestId('set-archive');
    await picker.getByRole('button', { name: "Add to AutoDJ's list" }).click();
    await expect(controls).toHaveAttribute('data-autodj', 'true');
    await expect(controls).toContainText("On AutoDJ's list.");
    await picker.getByRole('button', { name: "Take off AutoDJ's list" }).click();
    await expect(controls).toHaveAttribute('data-autodj', 'false');
    await pickerContext.close();
  });
});
