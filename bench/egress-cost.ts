/**
 * Egress cost per channel (npm run bench:egress-cost): for each HLS path the stack's egress
 * (v1.8.6, scripts/egress.sh) offers for audio, one channel on air with a real publisher
 * (rtc-node, a 600 Hz tone), egress writing 2 s AAC HLS segments to the stack's MinIO exactly as
 * src/server/egress/hls-egress.ts asks for them. Then:
 * - CPU: CPU-seconds per wall second (1.0 = one core) of every process the egress job uses
 *   (egress service, its `run-handler` job with GStreamer inside, Chromium, Xvfb, the
 *   stack's PulseAudio) from /proc/<pid>/stat, sampled every second over BENCH_SECONDS (default 60),
 *   RSS at the end, and the load average during the window;
 * - handover: DJ A disconnects, 2 s later DJ B (1 kHz) publishes; the live playlist is watched
 *   for 30 s: does it keep growing, end (#EXT-X-ENDLIST) or mark a discontinuity, and what
 *   egress reports for the job.
 * Track egress (TrackEgressRequest) is not run: it writes a file or a websocket only, no HLS.
 * The room is not one of the app's channels, so the app's egress supervision leaves it alone.
 * Env: BENCH_SECONDS (CPU window, at least and by default 60), BENCH_OUT (also write the table to this file).
 */
import { writeFileSync } from 'node:fs';
import { AudioCodec, EgressStatus, EncodingOptions, SegmentedFileOutput, SegmentedFileProtocol } from 'livekit-server-sdk';
import { toneDj } from '../tests/support/tone';
import { uniqueSuffix } from './support/api';
import { fail, hostLine, runBench, sleep } from './support/env';
import { egressClient, publisherToken } from './support/livekit-api';
import { readObject, stackS3, watchPlaylist } from './support/live-playlist';
import { measureCpu } from './support/proc-cpu';
import { egressProcesses, processRole } from './support/stack-procs';
import { type PathResult, formatReport } from './support/egress-cost-report';

const MEASURE_S = Math.max(60, Number(process.env.BENCH_SECONDS ?? 60));
const HANDOVER_WATCH_S = 30;
const PATHS = ['room-composite', 'track-composite'] as const;
type EgressPath = (typeof PATHS)[number];

async function startEgress(kind: EgressPath, room: string, trackSid: string, prefix: string): Promise<string> {
  const output = new SegmentedFileOutput({
    protocol: SegmentedFileProtocol.HLS_PROTOCOL,
    filenamePrefix: `${prefix}-seg`,
    playlistName: `${prefix}.m3u8`,
    livePlaylistName: `${prefix}-live.m3u8`,
    segmentDuration: 2,
  });
  const encodingOptions = new EncodingOptions({ audioCodec: AudioCodec.AAC, audioBitrate: 128, audioFrequency: 48000 });
  const client = egressClient();
  const info =
    kind === 'room-composite'
      ? await client.startRoomCompositeEgress(room, output, { audioOnly: true, encodingOptions })
      : await client.startTrackCompositeEgress(room, output, { audioTrackId: trackSid, encodingOptions });
  return info.egressId;
}

async function egressStatus(egressId: string): Promise<string> {
  const [info] = await egressClient().listEgress({ egressId });
  return info ? `${EgressStatus[info.status]}${info.error ? ` (${info.error})` : ''}` : 'unknown';
}

async function runPath(kind: EgressPath): Promise<PathResult> {
  const s3 = stackS3();
  const room = `egress-cost-${kind}-${uniqueSuffix()}`;
  const prefix = `bench/egress-cost/${room}/a1`;
  const a = await toneDj(await publisherToken(room, 'dj-a'), 600);
  const sid = await a.publish();
  const startedAt = Date.now();
  const egressId = await startEgress(kind, room, sid, prefix);
  let firstSegmentAt = 0;
  while (!firstSegmentAt) {
    if (Date.now() - startedAt > 60_000)
      fail(`${kind}: no segment in the live playlist after 60 s (egress ${await egressStatus(egressId)})`);
    const text = await readObject(s3, `${prefix}-live.m3u8`);
    if (text && /\.ts\s*$/m.test(text)) firstSegmentAt = Date.now();
    else await sleep(100);
  }
  console.log(
    `[egress-cost] ${kind}: first segment after ${((firstSegmentAt - startedAt) / 1000).toFixed(1)} s; settling 5 s, then ${MEASURE_S} s of CPU`,
  );
  await sleep(5_000);
  const cpu = await measureCpu(MEASURE_S, egressProcesses, processRole);

  console.log(`[egress-cost] ${kind}: handover (A leaves, B publishes 2 s later), watching the live playlist ${HANDOVER_WATCH_S} s`);
  const t0 = Date.now();
  const before = await readObject(s3, `${prefix}-live.m3u8`);
  const segmentsBefore = before ? (before.match(/\.ts\s*$/gm)?.length ?? 0) : 0;
  const watching = watchPlaylist(s3, `${prefix}-live.m3u8`, HANDOVER_WATCH_S, t0);
  await a.stop();
  const leftAtMs = Date.now() - t0;
  await sleep(2_000);
  const b = await toneDj(await publisherToken(room, 'dj-b'), 1000);
  await b.publish();
  const publishedAtMs = Date.now() - t0;
  const watch = await watching;
  const statusAfter = await egressStatus(egressId);
  await b.stop();
  await egressClient()
    .stopEgress(egressId)
    .catch(() => undefined);
  s3.destroy();
  return {
    path: kind,
    startToSegmentS: (firstSegmentAt - startedAt) / 1000,
    cpu,
    handover: { ...watch, statusAfter, segmentsBefore, leftAtMs, publishedAtMs },
  };
}

runBench('egress-cost', async () => {
  const results: PathResult[] = [];
  for (const kind of PATHS) {
    results.push(await runPath(kind));
    await sleep(5_000); // let the ended job's processes go before the next window
  }
  const report = formatReport(results, hostLine(), MEASURE_S);
  console.log(report);
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, report);
});
