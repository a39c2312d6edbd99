/**
 * Glass-to-glass latency, DJ console -> WebRTC listener, on this machine (npm run bench:latency).
 *
 * Method: Chromium's fake microphone plays a click train (a 5 ms 2 kHz burst every second, made
 * with sox). The DJ page (real console, real Go live) and the listener page (real Play) run as two
 * contexts of ONE headless Chromium, so `performance.timeOrigin + performance.now()` is one clock
 * for both. An init script (bench/support/probe.ts) runs the same AudioWorklet onset detector on
 * - "sender": the track the DJ page hands to RTCPeerConnection (what WebRTC encodes),
 * - "capture": the getUserMedia track (before the console's Web Audio graph),
 * - "receiver": the srcObject track of the listener's RoomAudioRenderer <audio> (in data-testid="listener-audio"),
 * mapping each onset's sample time to the page clock with AudioContext.getOutputTimestamp().
 * The detector's own delay is the same on every tap and cancels in the differences. Each sent
 * click is paired with the first received click after it (within 900 ms); we report
 * count/min/median/p95/max of the lags. Not included: the listener's audio output device
 * latency (headless has no real sound card), which a real listener adds on top.
 *
 * Env: BENCH_SECONDS (default 30) measuring window; at least 20 pairs or the run fails.
 */
import { createFixture } from './support/api';
import { inboundAudio, launchBrowser, onsets, openPage, pageNow, waitForState } from './support/browser';
import { fail, hostLine, runBench, sleep } from './support/env';
import type { ProbeOptions } from './support/probe';
import { formatSummary, ms, pairOnsets, summarize } from './support/stats';
import { CLICK_PERIOD_S, clickTrainWav } from './support/wav';

const MEASURE_S = Number(process.env.BENCH_SECONDS ?? 30);
const SETTLE_MS = 3_000; // let the jitter buffer settle after the listener starts playing
const MAX_LAG_MS = 900; // below the 1 s click period, so a pair can never skip a click
const MIN_PAIRS = 20;
const PROBE: ProbeOptions = { threshold: 0.25, quietMs: 300, hookCapture: false, hookSender: false, watchSelector: null };

type Pages = Awaited<ReturnType<typeof openPage>>;
/** Onset times (page clock, ms) in the measuring window, and the listener's WebRTC stats. */
type Clicks = { sent: number[]; captured: number[]; received: number[]; stats: Awaited<ReturnType<typeof inboundAudio>> };

runBench('latency', async () => {
  const wav = clickTrainWav();
  const fx = await createFixture('bench-lat');
  const slug = fx.channel.slug;
  const browser = await launchBrowser(wav);
  try {
    const dj = await openPage(browser, fx.appUrl, { ...PROBE, hookCapture: true, hookSender: true }, fx.dj);
    await dj.page.goto(`/dj/${slug}`);
    await dj.page.locator('[data-testid="go-live-button"]:enabled').click({ timeout: 20_000 });
    await waitForState(dj.page, 'broadcast-status', 'live');

    const listener = await openPage(browser, fx.appUrl, { ...PROBE, watchSelector: '[data-testid="listener-audio"] audio' });
    await listener.page.goto(`/c/${slug}`);
    await listener.page.getByTestId('play-button').click({ timeout: 20_000 });
    await waitForState(listener.page, 'listener-status', 'playing');

    // Sanity check of the shared clock: the listener's reading must fall between two DJ readings.
    const [a, b, c] = [await pageNow(dj.page), await pageNow(listener.page), await pageNow(dj.page)];
    if (b < a - 1 || b > c + 1) fail(`page clocks disagree: dj ${a}, listener ${b}, dj ${c}`);

    await report(await measure(dj, listener), dj, listener);
  } finally {
    await browser.close();
  }
});

/** Lets the jitter buffer settle, then collects the clicks of MEASURE_S seconds on every tap. */
async function measure(dj: Pages, listener: Pages): Promise<Clicks> {
  await sleep(SETTLE_MS);
  const start = await pageNow(listener.page);
  console.log(`[latency] measuring for ${MEASURE_S} s (clicks every ${CLICK_PERIOD_S} s)...`);
  await sleep(MEASURE_S * 1000);
  const end = await pageNow(listener.page);

  // Sends near the end may still be in flight; only count those that had time to arrive.
  const sentBefore = (label: string) =>
    onsets(dj.page, label, start).then((os) => os.filter((o) => o.t < end - MAX_LAG_MS).map((o) => o.t));
  const sent = await sentBefore('sender');
  const captured = await sentBefore('capture');
  const received = (await onsets(listener.page, 'receiver', start)).filter((o) => o.t <= end).map((o) => o.t);
  const stats = await inboundAudio(listener.page);
  return { sent, captured, received, stats };
}

/** Pairs the clicks and prints the lags; fails (with the peak levels) below MIN_PAIRS pairs. */
async function report({ sent, captured, received, stats }: Clicks, dj: Pages, listener: Pages) {
  const toListener = pairOnsets(sent, received, MAX_LAG_MS);
  const fromCapture = pairOnsets(captured, received, MAX_LAG_MS);
  const graph = pairOnsets(captured, sent, MAX_LAG_MS);
  console.log('');
  console.log('== Glass-to-glass latency: DJ console -> LiveKit -> WebRTC listener (loopback) ==');
  console.log("method: click train as fake mic; AudioWorklet onset detectors on the DJ's sent track and the");
  console.log("        listener's received track, stamped with performance.timeOrigin+now() in one Chromium;");
  console.log(`        each sent click paired with the first received click within ${MAX_LAG_MS} ms.`);
  console.log(
    `clicks in ${MEASURE_S} s: capture ${captured.length}, sent ${sent.length}, received ${received.length}, ` +
      `paired ${toListener.lags.length} (unmatched sent ${toListener.unmatchedSent}, received ${toListener.unmatchedReceived})`,
  );
  if (toListener.lags.length < MIN_PAIRS) {
    const levels = [
      await dj.page.evaluate(() => window.__benchProbe?.levels),
      await listener.page.evaluate(() => window.__benchProbe?.levels),
    ];
    fail(`only ${toListener.lags.length} click pairs (need ${MIN_PAIRS}); peak levels (DJ, listener): ${JSON.stringify(levels)}`);
  }
  console.log(`DJ sent track -> listener:        ${formatSummary(summarize(toListener.lags))}`);
  if (fromCapture.lags.length > 0) console.log(`DJ mic (getUserMedia) -> listener: ${formatSummary(summarize(fromCapture.lags))}`);
  if (graph.lags.length > 0) console.log(`  of which DJ Web Audio graph:     ${formatSummary(summarize(graph.lags))}`);
  if (stats) {
    console.log(
      `listener WebRTC stats: mean jitter buffer ${ms(stats.jitterBufferMs)} (target ${ms(stats.targetDelayMs)}), ` +
        `packets lost ${stats.packetsLost}, concealment events ${stats.concealmentEvents}, RTT ${stats.rttMs === null ? 'n/a' : ms(stats.rttMs)}`,
    );
  }
  console.log("not included: the listener's output device latency (headless Chromium has no sound card).");
  console.log(hostLine());
}
