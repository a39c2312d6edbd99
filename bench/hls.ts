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
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createFixture } from './support/api';
import { launchBrowser, markAfter, onsets, openPage, pageNow, waitFor, waitForState } from './support/browser';
import { BENCH_DIR, fail, hostLine, requireEnv, runBench, sleep } from './support/env';
import { alignByPattern, clickTimes } from './support/pattern';
import type { ProbeOptions } from './support/probe';
import { edgeDrift, lagDrift, readRecording, stallMinutes, startRecording, trackLags } from './support/hls-run';
import { formatSummary, summarize } from './support/stats';
import { patternClickWav } from './support/wav';

const STALL_MINUTES = stallMinutes(process.argv.slice(2));
const MEASURE_S = STALL_MINUTES ? Math.round(STALL_MINUTES * 60) : Number(process.env.BENCH_SECONDS ?? 70);
const PLAY_RUNS = Math.max(3, Number(process.env.BENCH_PLAY_RUNS ?? 5));
const MIN_PAIRS = 40;
const PROBE: ProbeOptions = { threshold: 0.25, quietMs: 300, hookCapture: false, hookSender: false, watchSelector: null };
const HLS_AUDIO = '[data-testid="listener-hls-audio"]';

const s = (v: number) => `${(v / 1000).toFixed(2)} s`;

async function firstPlayableSegment(appUrl: string, slug: string): Promise<{ at: number; playlist: string }> {
  return waitFor(
    'a live playlist with a segment behind /c/<slug>/live.m3u8',
    async () => {
      const res = await fetch(`${appUrl}/c/${slug}/live.m3u8`, { redirect: 'manual' });
      await res.body?.cancel();
      const location = res.status === 302 ? res.headers.get('location') : null;
      if (!location) return null;
      const list = await fetch(location, { cache: 'no-store' });
      const text = list.status === 200 ? await list.text() : '';
      return /\.ts\s*$/m.test(text) ? { at: Date.now(), playlist: location } : null;
    },
    60_000,
    100,
  );
}

async function storageFigures(channelId: string): Promise<{ bytes: number; segments: number; seconds: number }> {
  const s3 = new S3Client({
    endpoint: requireEnv('S3_ENDPOINT'),
    region: requireEnv('S3_REGION'),
    forcePathStyle: true,
    credentials: { accessKeyId: requireEnv('S3_ACCESS_KEY_ID'), secretAccessKey: requireEnv('S3_SECRET_ACCESS_KEY') },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  let bytes = 0;
  let segments = 0;
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: requireEnv('S3_BUCKET'), Prefix: `hls/${channelId}/`, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) {
      if (!o.Key?.endsWith('.ts')) continue;
      bytes += o.Size ?? 0;
      segments += 1;
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  s3.destroy();
  // Egress writes 2 s segments (#EXTINF:1.997 or 2.0); the partial last one is not listed yet.
  return { bytes, segments, seconds: segments * 2 };
}

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

    await sleep(4_000); // settle at the live edge
    await startRecording(listener.page, HLS_AUDIO);
    const start = await pageNow(listener.page);
    console.log(`[hls] measuring for ${MEASURE_S} s...`);
    await sleep(MEASURE_S * 1000);
    const end = await pageNow(listener.page);
    const run = await readRecording(listener.page);
    const playlistFetches = await listener.page.evaluate(
      (since) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('-live.m3u8') && performance.timeOrigin + e.startTime >= since).length,
      start,
    );

    const sent = (await onsets(dj.page, 'sender', start - 15_000)).filter((o) => o.t < end - 8_000).map((o) => o.t);
    const received = (await onsets(listener.page, 'receiver', start)).filter((o) => o.t <= end).map((o) => o.t);
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
    writeFileSync(
      path.join(BENCH_DIR, 'hls-onsets.json'),
      JSON.stringify({ start, end, sent, received, lag: aligned.lag, edge: run.edge }),
    );
    if (aligned.lags.length < MIN_PAIRS) {
      fail(
        `only ${aligned.lags.length} click pairs (need ${MIN_PAIRS}) at lag ${aligned.lag} ms; sent ${sent.length}, received ${received.length}; onsets in .local/bench/hls-onsets.json`,
      );
    }
    const playlistBytes = (await (await fetch(first.playlist, { cache: 'no-store' })).text()).length;
    const storage = await storageFigures(fx.channel.id);
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
  } finally {
    await browser.close();
  }
});
