import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { createChannel, signIn, uniqueSuffix, type Credentials } from './support/accounts';
import { axeAtEveryViewport } from './support/axe';
import { requireEnv } from './support/env';
import { recordArchivedSet } from './support/record-set';
import { TONE_HZ } from './support/paths';

/** The 1 kHz tone's bin over the median bin (dB) in what the set page's player outputs; 0 while silent. */
function playedToneDb(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(async (hz) => {
    const el = document.querySelector<HTMLAudioElement & { captureStream?: () => MediaStream }>('[data-testid="set-audio"]');
    if (!el || el.paused || !el.captureStream) return 0;
    const stream = el.captureStream();
    if (!stream.getAudioTracks().length) return 0;
    const context = new AudioContext();
    try {
      const analyser = new AnalyserNode(context, { fftSize: 4096 });
      context.createMediaStreamSource(stream).connect(analyser);
      await context.resume();
      await new Promise((r) => setTimeout(r, 400));
      const bins = new Float32Array(analyser.frequencyBinCount);
      analyser.getFloatFrequencyData(bins);
      const k = Math.round(hz / (context.sampleRate / analyser.fftSize));
      const peak = Math.max(bins[k - 1] ?? -Infinity, bins[k] ?? -Infinity, bins[k + 1] ?? -Infinity);
      const finite = Array.from(bins)
        .filter(Number.isFinite)
        .sort((a, b) => a - b);
      const median = finite[Math.floor(finite.length / 2)];
      return Number.isFinite(peak) && median !== undefined ? peak - median : 0;
    } finally {
      await context.close();
    }
  }, TONE_HZ);
}

// The DJ console's WAV microphone -> LiveKit -> egress -> MinIO -> the archive task -> the set
// page's hls.js in Chromium: it plays the tone, starts at ?t=, and the tempo curve seeks by click and by keyboard.
test('a finished set plays on its page, starts at ?t= and seeks by the tempo curve', async ({ browser }) => {
  test.setTimeout(240_000);
  const suffix = uniqueSuffix();
  const slug = `archive-${suffix}`;
  const admin: Credentials = { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') };
  const dj = await (await browser.newContext()).newPage();
  await signIn(dj, admin);
  await createChannel(dj.request, { name: `Archive ${suffix}`, slug, description: 'Archive end to end' });
  const set = await recordArchivedSet(dj, slug);
  // A tone has no beat: give the set a curve over its whole length, as a DJ's tempo would be stored.
  const db = new Database(requireEnv('DATABASE_URL').replace(/^file:/, ''));
  try {
    const start = Date.parse(set.startedAt);
    const end = Date.parse(set.endedAt);
    const insert = db.prepare('INSERT INTO tempo_point (broadcastId, at, bpm, confidence) VALUES (?, ?, ?, ?)');
    for (let at = start; at <= end; at += 2_000) insert.run(set.id, at, 120 + ((at - start) / (end - start)) * 8, 0.9);
  } finally {
    db.close();
  }

  const listener = await (await browser.newContext()).newPage();
  await listener.goto(`/c/${slug}/sets`);
  // The archive's pages with a set in them, as the a11y spec checks every page (docs/accessibility.md).
  expect.soft(await axeAtEveryViewport(listener), 'axe on the archive list').toBe('');
  await listener.getByRole('link', { name: set.hosts[0] ?? '' }).click();
  await expect(listener).toHaveURL(new RegExp(`/c/${slug}/sets/${set.id}$`));
  await listener.goto(`/c/${slug}/sets/${set.id}?t=8s`);
  const audio = listener.getByTestId('set-audio');
  const time = () => audio.evaluate((el: HTMLAudioElement) => el.currentTime);
  await expect.poll(time, { timeout: 20_000 }).toBeGreaterThanOrEqual(7.5);

  // Click at 3/4 of the curve: play from about 3/4 of the clock time, mapped into the recording.
  const curve = listener.getByTestId('set-curve-seek').locator('svg');
  const box = await curve.boundingBox();
  if (!box) throw new Error('no curve');
  await listener.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
  await expect.poll(() => playedToneDb(listener), { timeout: 20_000, intervals: [500] }).toBeGreaterThan(30);
  const after = await time();
  // 3/4 of the curve's span is 3/4 through the set's clock time W; the recording (R s) starts when egress
  // did, at most W - R in, so the click lands at 0.75 W - (W - R) = R - W / 4 or later (less 1.5 s: the
  // curve's points are 2 s apart; and 2.5 s for stamps). Not "past half the recording": a slow egress
  // start (up to 60 s here) makes R - W / 4 less than R / 2.
  const wall = (Date.parse(set.endedAt) - Date.parse(set.startedAt)) / 1000;
  expect(after).toBeGreaterThan(set.seconds - wall / 4 - 4);
  expect(after).toBeLessThanOrEqual(set.seconds);
  await expect(listener.getByTestId('set-share')).toContainText(/Copy link at \d+s/);

  // The curve is a slider too: Home goes to the start, an arrow 10 s on, read out with the tempo there.
  const slider = listener.getByRole('slider', { name: 'Play from a point on the tempo curve' });
  await slider.focus();
  await slider.press('Home');
  await expect.poll(time, { timeout: 10_000 }).toBeLessThan(5);
  await expect(slider).toHaveAttribute('aria-valuetext', /^\d+s, 12\d\.\d BPM$/);
  await slider.press('ArrowRight');
  await expect.poll(time, { timeout: 10_000 }).toBeGreaterThanOrEqual(9.5);
  expect(Number(await slider.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(10);
  await listener.evaluate(() => document.querySelector<HTMLAudioElement>('[data-testid="set-audio"]')?.pause());
  expect.soft(await axeAtEveryViewport(listener), 'axe on the set page').toBe('');
});
