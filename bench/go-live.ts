/**
 * Go-live time: DJ presses Go live -> an already-waiting listener hears audio (npm run bench:golive).
 *
 * Method: Chromium's fake microphone plays a steady 1 kHz tone. The listener page is opened first
 * and pressed Play, so it sits connected in "waiting". Both pages live in ONE headless Chromium and
 * stamp events with `performance.timeOrigin + performance.now()` (bench/support/probe.ts): the DJ
 * page stamps the Go live click from the event's own timeStamp; the listener page runs an
 * AudioWorklet detector on the track of the RoomAudioRenderer <audio> in data-testid="listener-audio" (picked up within
 * 10 ms of being attached) and stamps the first sample above -26 dBFS after >= 300 ms of silence,
 * mapped to the page clock with getOutputTimestamp(). Each run then presses Stop, waits for the DJ
 * to be idle and the listener to be back in "waiting", and goes again.
 *
 * Env: BENCH_RUNS (default 6, at least 5).
 */
import { createFixture } from './support/api';
import { launchBrowser, markAfter, onsets, openPage, pageNow, requestsAfter, waitFor, waitForState } from './support/browser';
import { hostLine, runBench, sleep } from './support/env';
import type { ProbeOptions } from './support/probe';
import { formatSummary, ms, summarize } from './support/stats';
import { toneWav } from './support/wav';

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 6));
const AUDIO_TIMEOUT_MS = 20_000;
const PAUSE_MS = 1_500; // between Stop and the next Go live, so the detector has seen silence
const PROBE: ProbeOptions = { threshold: 0.05, quietMs: 300, hookCapture: false, hookSender: false, watchSelector: null };

type Run = { firstAudio: number; djLive: number | null; listenerPlaying: number | null; djToken: number | null };

type Pages = Awaited<ReturnType<typeof openPage>>;

runBench('go-live', async () => {
  const wav = toneWav();
  const fx = await createFixture('bench-golive');
  const slug = fx.channel.slug;
  const browser = await launchBrowser(wav);
  try {
    const listener = await openPage(browser, fx.appUrl, { ...PROBE, watchSelector: '[data-testid="listener-audio"] audio' });
    await listener.page.goto(`/c/${slug}`);
    await listener.page.getByTestId('play-button').click({ timeout: 20_000 });
    await waitForState(listener.page, 'listener-status', 'waiting');

    const dj = await openPage(browser, fx.appUrl, PROBE, fx.dj);
    await dj.page.goto(`/dj/${slug}`);
    await dj.page.locator('[data-testid="go-live-button"]:enabled').waitFor({ timeout: 20_000 });

    const runs: Run[] = [];
    for (let i = 1; i <= RUNS; i++) runs.push(await measureRun(i, dj, listener));
    report(runs);
  } finally {
    await browser.close();
  }
});

/** One Go live -> first audio, logged; then Stop, back to idle and waiting, and a pause of silence. */
async function measureRun(i: number, dj: Pages, listener: Pages): Promise<Run> {
  const before = await pageNow(dj.page);
  await dj.page.locator('[data-testid="go-live-button"]:enabled').click();
  const clickAt = await waitFor('the Go live click stamp', () => markAfter(dj.page, 'click:go-live-button', before), 2_000);
  const heard = await waitFor(
    `run ${i}: audio at the listener`,
    async () => (await onsets(listener.page, 'receiver', clickAt))[0] ?? null,
    AUDIO_TIMEOUT_MS,
    20,
  );
  await waitForState(dj.page, 'broadcast-status', 'live');
  const since = async (page: typeof dj.page, name: string) => {
    const t = await markAfter(page, name, clickAt);
    return t === null ? null : t - clickAt;
  };
  const run: Run = {
    firstAudio: heard.t - clickAt,
    djLive: await since(dj.page, 'broadcast-status:live'),
    listenerPlaying: await since(listener.page, 'listener-status:playing'),
    djToken: (await requestsAfter(dj.page, '/api/livekit/token', clickAt))[0]?.duration ?? null,
  };
  const opt = (v: number | null) => (v === null ? 'n/a' : ms(v));
  console.log(
    `[go-live] run ${i}/${RUNS}: first audio ${ms(run.firstAudio)} after Go live ` +
      `(DJ token fetch took ${opt(run.djToken)}, DJ console "live" at ${opt(run.djLive)}, listener "playing" at ${opt(run.listenerPlaying)})`,
  );

  await dj.page.getByTestId('stop-broadcast-button').click();
  await waitForState(dj.page, 'broadcast-status', 'idle');
  await waitForState(listener.page, 'listener-status', 'waiting', 30_000);
  await sleep(PAUSE_MS);
  return run;
}

function report(runs: Run[]) {
  const first = summarize(runs.map((r) => r.firstAudio));
  const live = runs.flatMap((r) => (r.djLive === null ? [] : [r.djLive]));
  console.log('');
  console.log('== Go live -> first audio at an already-waiting WebRTC listener (loopback) ==');
  console.log('method: fake-mic 1 kHz tone; Go live click stamped in the DJ page, first tone sample detected by an');
  console.log("        AudioWorklet on the listener's received track; one Chromium, one performance clock.");
  console.log(`go live -> first audio:      ${formatSummary(first)}`);
  if (live.length > 0) console.log(`go live -> DJ console live: ${formatSummary(summarize(live))}`);
  console.log(`runs (ms): ${runs.map((r) => r.firstAudio.toFixed(0)).join(', ')}`);
  console.log(hostLine());
}
