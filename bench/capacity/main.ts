/**
 * Capacity per channel and per listener on one node (npm run bench:capacity), on the stack
 * scripts/with-stack.ts starts (livekit-server, egress v1.8.6 with its Chromium and the stack's
 * PulseAudio, the app, Redis, MinIO). Every publisher and listener is a real @livekit/rtc-node
 * participant in this process. Windows of BENCH_SECONDS (default 60) read utime+stime and RSS of
 * every stack process from /proc each second, and PSS at the end (bench/support/proc-cpu.ts), grouped into livekit,
 * egress (service, handler, Chromium, Xvfb, PulseAudio), app and other:
 * 1. nothing on air (x=0, shared by both channel series);
 * 2. HLS off: 1, 2, 4 bare LiveKit rooms with one publisher each (rooms the app does not own,
 *    so no egress starts);
 * 3. HLS on: 1, 2, 4 of the app's channels on air (slot, DJ token route, publish once granted),
 *    each measured after the app's egress wrote its first playable segment;
 * 4. listeners: one channel on air with HLS, 0, 10, 50 WebRTC listeners (tokens from the app's
 *    listener route); the first listener checks every 10 ms frame for the DJ's tone.
 * Then least-squares lines per group (slope = cost per channel or listener) and the sizing table
 * (bench/capacity/sizing.ts). Env: BENCH_SECONDS, BENCH_CHANNELS (default 1,2,4), BENCH_LISTENERS (default 10,50).
 */
import { fail, hostLine, runBench, sleep } from '../support/env';
import { type OnAir, Listeners, appChannelOnAir, bareRoomOnAir } from './on-air';
import { fitLines, pointLines, sizingLines } from './report';
import { costsFrom, fitSeries } from './sizing';
import { type Point, measurePoint } from './window';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const steps = (v: string | undefined, d: number[]) => (v ? v.split(',').map(Number) : d);
const CHANNELS = steps(process.env.BENCH_CHANNELS, [1, 2, 4]);
const LISTENERS = steps(process.env.BENCH_LISTENERS, [10, 50]);
const SETTLE_MS = 5_000;

const say = (...lines: string[]) => console.log(lines.join('\n'));

async function measure(series: string, x: number, listeners?: Listeners): Promise<Point> {
  await sleep(SETTLE_MS);
  const since = Date.now();
  const p = await measurePoint(series, x, SECONDS);
  say(...pointLines(p, listeners?.probe ? listeners.dropouts(since) : undefined));
  return p;
}

/** Grows `onAir` to each step with `add`, measuring after each; a step that cannot be reached ends the series. */
async function channelSeries(series: string, base: Point, add: (i: number) => Promise<OnAir>, onAir: OnAir[]): Promise<Point[]> {
  const points = [{ ...base, series }];
  for (const n of CHANNELS) {
    try {
      while (onAir.length < n) onAir.push(await add(onAir.length));
    } catch (err) {
      // The fit still has the steps reached; the output says where and why the series ended.
      say(
        `[capacity] ${series}: step ${n} not reached (${err instanceof Error ? err.message : String(err)}); the series ends at ${onAir.length}`,
      );
      break;
    }
    points.push(await measure(series, n));
  }
  return points;
}

runBench('capacity', async () => {
  say(
    '== Capacity per channel and per listener: one node, real rtc-node publishers and listeners ==',
    `windows of ${SECONDS} s after ${SETTLE_MS / 1000} s settling; CPU from /proc/<pid>/stat (1 core = 100%), RSS and PSS at the end of each window`,
    '(RSS summed per process counts shared pages once per process, an upper bound; PSS splits them). egress v1.8.6, audio-only room composite through Chromium.',
    hostLine(),
  );
  const base = await measure('nothing on air', 0);

  const bare: OnAir[] = [];
  const off = await channelSeries('HLS off (bare rooms)', base, bareRoomOnAir, bare);
  await Promise.all(bare.map((c) => c.stop()));
  await sleep(10_000);

  const channels: Awaited<ReturnType<typeof appChannelOnAir>>[] = [];
  const on = await channelSeries(
    'HLS on (app channels)',
    base,
    async (i) => {
      const c = await appChannelOnAir(i);
      say(`[capacity] channel ${c.id} on air; first playable segment ${c.startToSegmentS.toFixed(1)} s after publishing`);
      channels.push(c);
      return c;
    },
    [],
  );

  // One channel keeps its DJ and egress; the others go off air and their egress jobs end.
  const [kept, ...rest] = channels;
  if (!kept) fail('BENCH_CHANNELS must name at least one step');
  await Promise.all(rest.map((c) => c.stop()));
  await sleep(15_000);
  const listeners = new Listeners(kept.channelId, kept.tone);
  const heard = [await measure('listeners (1 channel, HLS on)', 0)];
  for (const n of LISTENERS) {
    await listeners.grow(n);
    heard.push(await measure('listeners (1 channel, HLS on)', n, listeners));
  }
  await listeners.stop();
  await kept.stop();

  const onFit = fitSeries(on);
  const listenerFit = fitSeries(heard);
  say(
    '',
    ...fitLines('HLS off: cost per channel on air', 'channel', fitSeries(off)),
    ...fitLines('HLS on: cost per channel on air', 'channel', onFit),
    ...fitLines('WebRTC listeners on one channel', 'listener', listenerFit),
    '',
    ...sizingLines(costsFrom(onFit, listenerFit)),
    '',
    hostLine(),
  );
});
