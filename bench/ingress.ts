/**
 * OBS (RTMP) path: encoder -> LiveKit Ingress -> LiveKit -> WebRTC listener (npm run bench:ingress).
 *
 * Method: ffmpeg stands in for OBS: this script generates PCM in real time (never ahead of the
 * clock) and pipes it to ffmpeg, which pushes AAC 160 kbps in FLV over RTMP to the stack's real
 * ingress through a TCP relay that stamps the first byte of each push ("first RTMP packet").
 * The listener is the real channel page in headless Chromium; an AudioWorklet onset detector on
 * its received track (bench/support/probe.ts) stamps sound on `performance.timeOrigin + now()`,
 * the same wall clock this Node process uses.
 * - Start-up: a steady 1 kHz tone; first RTMP byte -> first tone sample at the listener, over
 *   BENCH_RUNS pushes (default 5); between runs the push stops and the listener waits again.
 * - Glass-to-glass: a click train (5 ms 2 kHz bursts every BENCH_CLICK_MS, default 2000 ms) for
 *   BENCH_SECONDS (default 40); each click's send time is when its first sample was written to
 *   the encoder, paired with the first received click within one period.
 * Not included: the listener's output device latency (headless Chromium has no sound card).
 */
import { createFixture, postJson, signIn } from './support/api';
import { launchBrowser, onsets, openPage, pageNow, waitFor, waitForState } from './support/browser';
import { fail, hostLine, runBench, sleep } from './support/env';
import type { ProbeOptions } from './support/probe';
import { rtmpTap, startEncoder, wallNow } from './support/rtmp-source';
import { formatSummary, ms, pairOnsets, summarize } from './support/stats';
import { toneWav } from './support/wav';
import type { IngressEndpoint } from '../src/types/ingress';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));
const MEASURE_S = Number(process.env.BENCH_SECONDS ?? 40);
const CLICK_MS = Number(process.env.BENCH_CLICK_MS ?? 2000);
const FIRST_AUDIO_TIMEOUT_MS = 30_000;
const PROBE: ProbeOptions = {
  threshold: 0.05,
  quietMs: 300,
  hookCapture: false,
  hookSender: false,
  watchSelector: '[data-testid="listener-audio"] audio',
};

type Pages = Awaited<ReturnType<typeof openPage>>;
/** A fresh stamping relay in front of the ingress (closed at the end of the bench). */
type Relay = () => Promise<Awaited<ReturnType<typeof rtmpTap>>>;

runBench('ingress', async () => {
  const fx = await createFixture('bench-obs');
  const cookie = await signIn(fx.appUrl, fx.dj);
  const res = await postJson(fx.appUrl, '/api/livekit/ingress', { channelId: fx.channel.id, inputType: 'rtmp' }, cookie);
  if (res.status !== 201) fail(`create RTMP input: HTTP ${res.status} ${await res.text()}`);
  const endpoint = (await res.json()) as IngressEndpoint;
  const server = new URL(endpoint.serverUrl);
  const relays: { close: () => void }[] = [];
  const relay: Relay = async () => {
    const r = await rtmpTap(server);
    relays.push(r);
    return r;
  };
  // The browser's fake microphone is unused here; any WAV will do.
  const browser = await launchBrowser(toneWav());
  try {
    const listener = await openPage(browser, fx.appUrl, PROBE);
    await listener.page.goto(`/c/${fx.channel.slug}`);
    await listener.page.getByTestId('play-button').click({ timeout: 20_000 });
    await waitForState(listener.page, 'listener-status', 'waiting');
    // Same wall clock on both sides: a page reading must fall between two Node readings.
    const [a, b, c] = [wallNow(), await pageNow(listener.page), wallNow()];
    if (b < a - 2 || b > c + 2) fail(`page and Node clocks disagree: node ${a}, page ${b}, node ${c}`);

    const startup = await startupRuns(listener, relay, endpoint.streamKey);
    const { sent, received, pairs } = await clickRun(listener, relay, endpoint.streamKey);

    console.log('');
    console.log('== OBS over RTMP: encoder -> LiveKit Ingress -> LiveKit -> WebRTC listener (loopback) ==');
    console.log('method: ffmpeg fed real-time PCM from this process (AAC 160 kbps, FLV/RTMP); a TCP relay stamps the');
    console.log('        first RTMP byte; an AudioWorklet on the listener page stamps received sound; one wall clock.');
    console.log(`first RTMP byte -> first audio: ${formatSummary(summarize(startup))}`);
    console.log(`clicks: sent ${sent.length}, received ${received.length}, paired ${pairs.lags.length}`);
    if (pairs.lags.length < 10) fail(`only ${pairs.lags.length} click pairs; raise BENCH_CLICK_MS if the latency is near ${CLICK_MS} ms`);
    console.log(`glass-to-glass (encoder input -> listener): ${formatSummary(summarize(pairs.lags))}`);
    console.log("not included: the listener's output device latency (headless Chromium has no sound card).");
    console.log(hostLine());
  } finally {
    for (const r of relays) r.close();
    await browser.close();
  }
});

/** RUNS pushes of a steady tone: first RTMP byte -> first tone sample at the listener, each. */
async function startupRuns(listener: Pages, relay: Relay, streamKey: string): Promise<number[]> {
  const startup: number[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const before = wallNow();
    const tap = await relay();
    const enc = startEncoder(tap.url(streamKey), { kind: 'tone', hz: 1000, amplitude: 0.5 });
    const first = await waitFor('the first RTMP byte', async () => tap.firstByte(), 10_000);
    const heard = await waitFor(
      `run ${i}: tone at the listener`,
      async () => (await onsets(listener.page, 'receiver', before))[0] ?? null,
      FIRST_AUDIO_TIMEOUT_MS,
      20,
    );
    const firstByte = Math.max(first, before);
    startup.push(heard.t - firstByte);
    console.log(`[ingress] run ${i}/${RUNS}: first RTMP byte -> first audio at the listener ${ms(heard.t - firstByte)}`);
    await enc.stop();
    await waitForState(listener.page, 'listener-status', 'waiting', 30_000);
    await sleep(1_000);
  }
  return startup;
}

/** A click train pushed for MEASURE_S seconds, each sent click paired with the first received within one period. */
async function clickRun(listener: Pages, relay: Relay, streamKey: string) {
  const clickStart = wallNow();
  const clicks = startEncoder((await relay()).url(streamKey), {
    kind: 'clicks',
    periodMs: CLICK_MS,
    burstMs: 5,
    hz: 2000,
    amplitude: 0.8,
  });
  await waitFor(
    'the click train at the listener',
    async () => (await onsets(listener.page, 'receiver', clickStart))[0] ?? null,
    FIRST_AUDIO_TIMEOUT_MS,
    50,
  ).catch(async (err: unknown) => {
    const probe = await listener.page.evaluate(() => ({ levels: window.__benchProbe?.levels, taps: window.__benchProbe?.taps }));
    const state = await listener.page.getByTestId('listener-status').getAttribute('data-state');
    fail(
      `${err instanceof Error ? err.message : String(err)}; listener ${state}, probe ${JSON.stringify(probe)}, encoder exit ${clicks.child.exitCode}`,
    );
  });
  await sleep(3_000); // let the jitter buffer settle
  const start = wallNow();
  console.log(`[ingress] measuring for ${MEASURE_S} s (clicks every ${CLICK_MS} ms)...`);
  await sleep(MEASURE_S * 1000);
  const end = wallNow();
  const sent = clicks.clicks.filter((t) => t >= start && t < end - CLICK_MS);
  const received = (await onsets(listener.page, 'receiver', start)).map((o) => o.t);
  await clicks.stop();
  return { sent, received, pairs: pairOnsets(sent, received, CLICK_MS - 100) };
}
