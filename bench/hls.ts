/**
 * HLS figures on this machine (npm run bench:hls): glass-to-glass DJ -> egress -> storage ->
 * hls.js listener, Play to first audio, Go live to the first playable segment, and what the
 * stream costs in storage and delivery.
 *
 * Method: Chromium's fake microphone plays clicks (5 ms, 2 kHz) with irregular, seeded gaps of
 * 0.8-1.6 s (bench/support/pattern.ts), so the several-second HLS lag is recovered without
 * ambiguity by lining up the two click patterns. DJ console and listener page are two contexts of
 * ONE headless Chromium sharing `performance.timeOrigin + now()`. The DJ side taps the track the
 * console hands to WebRTC; the listener side taps the HLS <audio> element's output
 * (captureStream(), hls.js with the live-edge config of src/lib/client/listening/hls-config.ts), both
 * through the same AudioWorklet onset detector (bench/support/probe.ts).
 * - Go live -> first playable segment: Go live click to the moment the stable /c/<slug>/live.m3u8
 *   redirects to a live playlist that lists a segment (polled every 100 ms).
 * - Play -> first audio: Play click to the element's `playing` event (audio output running), over
 *   several Play/Stop runs; "first click" adds the wait for the next click (<= 1.6 s).
 * - Storage: every .ts object of the broadcast in MinIO, bytes per second of programme, x 3600.
 *   Per listener-hour: the same segments plus the live playlist fetched every target duration.
 *
 * - Long run (`--stall-minutes N`, e.g. `npm run bench:hls -- --stall-minutes 10`): listens N
 *   minutes instead of BENCH_SECONDS and reports stalls (the element's `waiting` events and
 *   hls.js BUFFER_STALLED_ERRORs after playback started) and drift: distance behind the live
 *   edge (end of the seekable range) sampled every second, first vs last minute, and the
 *   glass-to-glass lag of the first vs last 10 clicks.
 *
 * Env: BENCH_SECONDS (default 70, at least 40 clicks), BENCH_PLAY_RUNS (default 5).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createFixture } from './support/api';
import { launchBrowser, markAfter, onsets, openPage, pageNow, waitFor, waitForState } from './support/browser';
import { BENCH_DIR, fail, hostLine, runBench, sleep } from './support/env';
import { firstPlayableSegment, storageFigures } from './support/hls-figures';
import { alignByPattern, clickTimes } from './support/pattern';
import type { ProbeOptions } from './support/probe';
import { edgeDrift, lagDrift, readRecording, type RunRecord, stallMinutes, startRecording, trackLags } from './support/hls-run';
import { formatSummary, summarize } from './support/stats';
import { patternClickWav } from './support/wav';

const STALL_MINUTES = stallMinutes(process.argv.slice(2));
const MEASURE_S = STALL_MINUTES ? Math.round(STALL_MINUTES * 60) : Number(process.env.BENCH_SECONDS ?? 70);
const PLAY_RUNS = Math.max(3, Number(process.env.BENCH_PLAY_RUNS ?? 5));
const MIN_PAIRS = 40;
const PROBE: ProbeOptions = { threshold: 0.25, quietMs: 300, hookCapture: false, hookSender: false, watchSelector: null };
const HLS_AUDIO = '[data-testid="listener-hls-audio"]';

const s = (v: number) => `${(v / 1000).toFixed(2)} s`;

type Pages = Awaited<ReturnType<typeof openPage>>;
type Aligned = ReturnType<typeof alignByPattern>;
/** The measuring window: its clock range, the element's record, live playlist fetches and the paired clicks. */
type Measured = { start: number; end: number; run: RunRecord; playlistFetches: number; aligned: Aligned };

runBench('hls', async () => {
  const pattern = clickTimes(50);
  const loopS = Math.ceil((pattern.at(-1) ?? 0) + 1.5);
  const wav = patternClickWav(pattern, loopS);
  const fx = await createFixture('bench-hls');
  const slug = fx.channel.slug;
  const browser = await launchBrowser(wav);
  try {
    const dj = await openPage(browser, fx.appUrl, { ...PROBE, hookSender: true }, fx.dj);
    await dj.page.goto(`/dj/${slug}`);
    const goLive = dj.page.locator('[data-testid="go-live-button"]:enabled');
    await goLive.waitFor({ timeout: 20_000 });
    const before = await pageNow(dj.page);
    await goLive.click();
    const clickAt = await waitFor('the Go live click stamp', () => markAfter(dj.page, 'click:go-live-button', before), 2_000);
    await waitForState(dj.page, 'broadcast-status', 'live');
    const first = await firstPlayableSegment(fx.appUrl, slug);
    const goLiveToSegment = first.at - clickAt;

    const listener = await openPage(browser, fx.appUrl, { ...PROBE, captureSelector: HLS_AUDIO });
    await listener.page.goto(`/c/${slug}`);
    await listener.page.getByTestId('listen-mode-hls').check({ force: true });
    const plays = await playRuns(dj, listener);
    const measured = await measure(dj, listener);
    const playlistBytes = (await (await fetch(first.playlist, { cache: 'no-store' })).text()).length;
    const storage = await storageFigures(fx.channel.id);
    report(measured, plays, goLiveToSegment, storage, playlistBytes);
  } finally {
    await browser.close();
  }
});

/** PLAY_RUNS times Play (then Stop but the last): to the `playing` event and to the first click heard. */
async function playRuns(dj: Pages, listener: Pages): Promise<{ toPlaying: number[]; toClick: number[] }> {
  const toPlaying: number[] = [];
  const toClick: number[] = [];
  for (let i = 1; i <= PLAY_RUNS; i++) {
    const t = await pageNow(listener.page);
    await listener.page.getByTestId('play-button').click();
    const played = await waitFor('the Play click stamp', () => markAfter(listener.page, 'click:play-button', t), 2_000);
    const playing = await waitFor(`run ${i}: playing`, () => markAfter(listener.page, 'listener-status:playing', played), 20_000);
    const heard = await waitFor(
      `run ${i}: first click heard`,
      async () => (await onsets(listener.page, 'receiver', played))[0] ?? null,
      20_000,
      20,
    ).catch(async (err: unknown) => {
      const probe = (p: typeof dj.page) =>
        p.evaluate(() => ({ levels: window.__benchProbe?.levels, taps: window.__benchProbe?.taps, errors: window.__benchProbe?.errors }));
      fail(
        `${err instanceof Error ? err.message : String(err)}; listener probe ${JSON.stringify(await probe(listener.page))}, DJ probe ${JSON.stringify(await probe(dj.page))}`,
      );
    });
    toPlaying.push(playing - played);
    toClick.push(heard.t - played);
    if (i < PLAY_RUNS) {
      await listener.page.getByTestId('stop-button').click();
      await waitForState(listener.page, 'listener-status', 'idle');
      await sleep(1_000);
    }
  }
  return { toPlaying, toClick };
}

/** Listens MEASURE_S seconds at the live edge and pairs the sent and received clicks (onsets kept in hls-onsets.json). */
async function measure(dj: Pages, listener: Pages): Promise<Measured> {
  await sleep(4_000); // settle at the live edge
  await startRecording(listener.page, HLS_AUDIO);
  const start = await pageNow(listener.page);
  console.log(`[hls] measuring for ${MEASURE_S} s...`);
  await sleep(MEASURE_S * 1000);
  const end = await pageNow(listener.page);
  const run = await readRecording(listener.page);
  const playlistFetches = await listener.page.evaluate(
    (since) =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes('-live.m3u8') && performance.timeOrigin + e.startTime >= since)
        .length,
    start,
  );

  const sent = (await onsets(dj.page, 'sender', start - 15_000)).filter((o) => o.t < end - 8_000).map((o) => o.t);
  const received = (await onsets(listener.page, 'receiver', start)).filter((o) => o.t <= end).map((o) => o.t);
  const aligned = pairClicks(sent, received, start);
  writeFileSync(path.join(BENCH_DIR, 'hls-onsets.json'), JSON.stringify({ start, end, sent, received, lag: aligned.lag, edge: run.edge }));
  if (aligned.lags.length < MIN_PAIRS) {
    fail(
      `only ${aligned.lags.length} click pairs (need ${MIN_PAIRS}) at lag ${aligned.lag} ms; sent ${sent.length}, received ${received.length}; onsets in .local/bench/hls-onsets.json`,
    );
  }
  return { start, end, run, playlistFetches, aligned };
}

/** Sent clicks from 2 s before `start` paired with the received ones by the click pattern. */
function pairClicks(sent: number[], received: number[], start: number): Aligned {
  // Clicks are >= 800 ms apart, so +-400 ms around the pattern's lag cannot pick a neighbour.
  const fixed = alignByPattern(
    sent.filter((t) => t >= start - 2_000),
    received,
    { minLag: 500, maxLag: 20_000, tolerance: 400 },
  );
  // A long run follows the lag as it drifts; a short one pairs around one lag, as before.
  const aligned = STALL_MINUTES
    ? {
        ...fixed,
        lags: trackLags(
          sent.filter((t) => t >= start - 2_000),
          received,
          fixed.lag,
        ),
      }
    : fixed;
  aligned.unmatchedSent = sent.filter((t) => t >= start - 2_000).length - aligned.lags.length;
  return aligned;
}

function report(
  { start, end, run, playlistFetches, aligned }: Measured,
  { toPlaying, toClick }: Awaited<ReturnType<typeof playRuns>>,
  goLiveToSegment: number,
  storage: Awaited<ReturnType<typeof storageFigures>>,
  playlistBytes: number,
) {
  const perHour = (storage.bytes / storage.seconds) * 3600;
  const playlistPerHour = (playlistFetches / ((end - start) / 1000)) * 3600 * playlistBytes;

  console.log('');
  console.log('== HLS: DJ console -> LiveKit -> egress (audio-only room composite, 2 s segments) -> MinIO -> hls.js ==');
  console.log(
    `glass-to-glass, ${aligned.lags.length} clicks (unmatched ${aligned.unmatchedSent}): ${formatSummary(summarize(aligned.lags))}`,
  );
  const edge = edgeDrift(run.edge);
  const lagShift = lagDrift(aligned.lags);
  console.log(
    `stalls in ${MEASURE_S} s at the live edge: ${run.waiting} media element "waiting", ${run.bufferStalled} hls.js BUFFER_STALLED_ERROR`,
  );
  console.log(
    edge
      ? `behind the live edge: ${edge.first.toFixed(2)} s at the start, ${edge.last.toFixed(2)} s at the end (drift ${edge.drift >= 0 ? '+' : ''}${edge.drift.toFixed(2)} s), max ${edge.max.toFixed(2)} s` +
          `; glass-to-glass drift, last vs first 10 clicks: ${lagShift === null ? 'n/a' : s(lagShift)}`
      : 'behind the live edge: no samples (element paused or no seekable range)',
  );
  console.log(
    `Play -> audio output running ("playing"), ${PLAY_RUNS} runs: median ${s(summarize(toPlaying).median)}, max ${s(summarize(toPlaying).max)}`,
  );
  console.log(`Play -> first click heard (adds up to one 0.8-1.6 s click gap): median ${s(summarize(toClick).median)}`);
  console.log(`Go live -> first playable segment behind the stable URL: ${s(goLiveToSegment)}`);
  console.log(
    `storage: ${storage.segments} segments, ${(storage.bytes / 1e6).toFixed(2)} MB for ${storage.seconds} s of programme ` +
      `= ${((storage.bytes * 8) / storage.seconds / 1000).toFixed(0)} kbps, ${(perHour / 1e6).toFixed(1)} MB per broadcast hour`,
  );
  console.log(
    `per listener-hour: ${((perHour + playlistPerHour) / 1e6).toFixed(1)} MB ` +
      `(segments ${(perHour / 1e6).toFixed(1)} MB + live playlist ${playlistFetches} fetches in ${MEASURE_S} s x ${playlistBytes} B)`,
  );
  console.log(hostLine());
}
