import type { Page } from '@playwright/test';
import { drumLoopWav } from '../support/drums';
import { hasExited, type Push, pushRtmp } from '../support/obs';
import { toneProminence } from './support/audio';
import { expect, type ObsChannel, test } from './support/obs-fixture';

/** The 1 kHz bin must stand this far (dB) above the median bin to count as "the tone arrived". */
const TONE_MARGIN_DB = 30;
/** RTMP ingress needs a few seconds to join the room; live state arrives by webhook and 5 s polling. */
const OBS_TIMEOUT = 40_000;

test.describe.configure({ mode: 'serial' });
test.use({ obsChannelOptions: { prefix: 'obs', label: 'OBS', description: 'Fed by ffmpeg as OBS.', clipboard: true } });

test.describe('OBS over RTMP, DJ console to listener', () => {
  test.setTimeout(120_000);
  const pushes: Push[] = [];
  let slug = '';
  let dj: ObsChannel['dj'];
  let djPage: Page;
  let listenerPage: Page;
  let server = '';
  let key = '';
  const rtmp = () => djPage.getByTestId('obs-input-rtmp');

  test.beforeAll(async ({ obsChannel }) => {
    ({ slug, dj, djPage } = obsChannel);
    listenerPage = await obsChannel.newPage();
  });

  test.afterAll(async () => {
    await Promise.all(pushes.map((p) => p.stop()));
  });

  test('the DJ sets up RTMP and sees the server, a masked key and the OBS steps', async () => {
    await djPage.goto(`/dj/${slug}`);
    await rtmp().getByTestId('obs-create-button').click();
    const keyField = rtmp().getByTestId('obs-stream-key');
    await expect(keyField).toHaveAttribute('data-revealed', 'false');
    server = (await rtmp().getByTestId('obs-server-url').textContent()) ?? '';
    expect(server).toMatch(/^rtmp:\/\/127\.0\.0\.1:\d+\/x$/);
    const masked = (await keyField.textContent()) ?? '';
    expect(masked).toContain('•');

    await rtmp().getByTestId('obs-stream-key-copy').click();
    key = await djPage.evaluate(() => navigator.clipboard.readText());
    expect(key.length).toBeGreaterThanOrEqual(12);
    expect(masked).not.toContain(key.slice(4, -2));
    await rtmp().getByTestId('obs-stream-key-reveal').click();
    await expect(keyField).toHaveText(key);
    await expect(rtmp().getByText('Set up OBS')).toBeVisible();
    await expect(rtmp().getByTestId('obs-status')).toHaveAttribute('data-state', 'idle');
  });

  test('ffmpeg pushes a tone as OBS would; the channel goes on air and a WebRTC listener hears it', async () => {
    pushes.push(pushRtmp({ serverUrl: server, streamKey: key }));
    await listenerPage.goto(`/c/${slug}`);
    await listenerPage.getByTestId('play-button').click();
    await expect(listenerPage.getByTestId('listener-status')).toHaveAttribute('data-state', 'playing', { timeout: OBS_TIMEOUT });
    let measured = 0;
    await expect
      .poll(async () => (measured = await toneProminence(listenerPage)), { timeout: 30_000, intervals: [500, 1_000] })
      .toBeGreaterThan(TONE_MARGIN_DB);
    test.info().annotations.push({ type: 'tone prominence (dB over median bin)', description: measured.toFixed(1) });
    await expect(listenerPage.getByTestId('channel-dj-name')).toHaveText(dj.name, { timeout: OBS_TIMEOUT });
    await expect(rtmp().getByTestId('obs-status')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
  });

  test('the server analyses the OBS set: the listener page shows its BPM and beat', async () => {
    // OBS sets have no browser console: the app's analyser writes the tempo into the ingress participant.
    await (pushes.at(-1) as Push).stop();
    pushes.push(pushRtmp({ serverUrl: server, streamKey: key }, { file: drumLoopWav(128) }));
    const shown = async () => Number((await listenerPage.getByTestId('listener-bpm').getAttribute('data-bpm')) || Number.NaN);
    await expect.poll(async () => Math.abs((await shown()) - 128), { timeout: OBS_TIMEOUT, intervals: [250] }).toBeLessThanOrEqual(0.5);
    await expect(listenerPage.getByTestId('listener-bpm-pulse')).toHaveAttribute('data-beating', 'true');
    await expect(listenerPage.getByTestId('listener-status')).toHaveAttribute('data-state', 'playing');
  });

  test('a new key ends the push at once; the listener waits for the DJ', async () => {
    const running = pushes.at(-1) as Push;
    djPage.once('dialog', (dialog) => void dialog.accept());
    await rtmp().getByTestId('obs-rotate-button').click();
    await expect(rtmp().getByTestId('obs-stream-key')).not.toHaveText(key);
    await expect.poll(() => hasExited(running), { timeout: 15_000 }).toBe(true);
    await expect(listenerPage.getByTestId('listener-status')).toHaveAttribute('data-state', 'waiting', { timeout: OBS_TIMEOUT });
  });
});
