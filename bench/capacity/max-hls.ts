/**
 * The largest number of channels on air with HLS that one node holds (npm run bench:capacity-max),
 * on the stack scripts/with-stack.ts starts (livekit-server, egress v1.8.6 with its Chromium and the
 * stack's PulseAudio, the app, Redis, MinIO). Channels go on air one at a time the way a DJ goes live
 * (a slot, the DJ token route, publish once granted; bench/capacity/on-air.ts), each with its own tone
 * and a WebRTC listener probe, all real @livekit/rtc-node participants in this process. After each new
 * channel's first playable segment and SETTLE_MS, a window of BENCH_SECONDS (default 30) reads the
 * stack's CPU (bench/capacity/window.ts), every probe's 10 ms frames and every live playlist once a
 * second. The step holds when every probe heard its tone and every playlist kept gaining segments
 * (bench/capacity/hold-plan.ts); the first step that does not, or a channel without a playable segment
 * within 2 minutes, ends the ramp. Env: BENCH_SECONDS, BENCH_MAX_CHANNELS (default 12).
 */
import { type ToneListener, toneListener } from '../../tests/support/tone';
import { hostLine, requireEnv, runBench, sleep } from '../support/env';
import { livePlaylistUrl } from '../support/hls-figures';
import { type ChannelWindow, type PlaylistSample, segmentWaits, stepFailures } from './hold-plan';
import { appChannelOnAir, dropoutsOf, listenerToken } from './on-air';
import { pointLines } from './report';
import { measurePoint } from './window';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const MAX_CHANNELS = Number(process.env.BENCH_MAX_CHANNELS ?? 12);
const SETTLE_MS = 5_000;
const say = (...lines: string[]) => console.log(lines.join('\n'));

type Channel = Awaited<ReturnType<typeof appChannelOnAir>> & { probe: ToneListener };

/** The bench's own process (publishers and probes) above this share of a core: a step it fails says more about the bench. */
const BENCH_CPU_LIMIT = 0.8;

/** The last segment of a channel's live playlist ('' when unreadable or ended), and the playlist read. */
async function lastSegment(appUrl: string, slug: string, url: string): Promise<{ last: string; url: string }> {
  const read = async (u: string) => {
    const text = await fetch(u, { cache: 'no-store' })
      .then((r) => (r.ok ? r.text() : ''))
      .catch(() => '');
    return text.includes('#EXT-X-ENDLIST')
      ? ''
      : (text
          .trim()
          .split('\n')
          .filter((l) => l && !l.startsWith('#'))
          .at(-1) ?? '');
  };
  const last = await read(url);
  if (last) return { last, url };
  // An egress restart writes a new playlist: the stable URL leads to it.
  const moved = await livePlaylistUrl(appUrl, slug);
  return moved && moved !== url ? { last: await read(moved), url: moved } : { last: '', url };
}

/** Reads a channel's live playlist once a second from `since` to `until` (hold-plan.ts judges the reads). */
async function watchPlaylist(c: Channel, since: number, until: number): Promise<ReturnType<typeof segmentWaits>> {
  const samples: PlaylistSample[] = [];
  const appUrl = requireEnv('APP_URL');
  while (Date.now() < until) {
    const read = await lastSegment(appUrl, c.id, c.playlist);
    c.playlist = read.url;
    samples.push({ t: Date.now(), last: read.last });
    await sleep(Math.max(0, Math.min(1_000, until - Date.now())));
  }
  return segmentWaits(samples, since, until);
}

/** One window over every channel on air: the stack's CPU, and each channel's probe and playlist. */
async function measureWindow(channels: Channel[]): Promise<{ windows: ChannelWindow[]; benchCpu: number }> {
  const since = Date.now();
  const until = since + SECONDS * 1000;
  const [point, playlists] = await Promise.all([
    measurePoint('HLS ramp', channels.length, SECONDS),
    Promise.all(channels.map((c) => watchPlaylist(c, since, until))),
  ]);
  say(...pointLines(point));
  const windows = channels.map((c, i) => ({ channel: c.id, dropouts: dropoutsOf(c.probe.heard, since, until), ...playlists[i]! }));
  return { windows, benchCpu: point.generatorCpu };
}

const windowLine = (w: ChannelWindow) =>
  `   ${w.channel}: probe ${w.dropouts.silent}/${w.dropouts.frames} frames without its tone (longest ${w.dropouts.longestSilentMs} ms, wait ${w.dropouts.maxGapMs} ms); playlist +${w.newSegments} segments, longest wait ${w.segmentGapS.toFixed(1)} s`;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Channel n on air with its probe, or why not (a DJ already on air is taken off again). */
async function addChannel(n: number): Promise<Channel | string> {
  let on: Awaited<ReturnType<typeof appChannelOnAir>>;
  try {
    on = await appChannelOnAir(n - 1);
  } catch (err) {
    return `channel ${n} did not reach a playable segment: ${message(err)}`;
  }
  try {
    return { ...on, probe: await toneListener(await listenerToken(on.channelId), [on.tone]) };
  } catch (err) {
    await on.stop();
    return `channel ${n}'s listener probe could not join: ${message(err)}`;
  }
}

runBench('capacity-max', async () => {
  say(
    '== The largest number of channels on air with HLS one node holds: real rtc-node publishers and probes ==',
    `windows of ${SECONDS} s after each new channel's first playable segment and ${SETTLE_MS / 1000} s; egress v1.8.6, audio-only room composite through Chromium`,
    "the publishers and probes run in this process on the same machine (their CPU is in each window's line)",
    hostLine(),
  );
  const channels: Channel[] = [];
  let held = 0;
  try {
    for (let n = 1; n <= MAX_CHANNELS; n++) {
      const added = await addChannel(n);
      if (typeof added === 'string') {
        say(`[capacity-max] ${added}`);
        break;
      }
      channels.push(added);
      say(
        `[capacity-max] channel ${n} (${added.id}) on air; first playable segment ${added.startToSegmentS.toFixed(1)} s after publishing`,
      );
      await sleep(SETTLE_MS);
      const { windows, benchCpu } = await measureWindow(channels);
      say(...windows.map(windowLine));
      const failures = stepFailures(windows);
      if (failures.length > 0) {
        say(`[capacity-max] ${n} channels did not hold:`, ...failures.map((f) => `   ${f}`));
        if (benchCpu > BENCH_CPU_LIMIT) say(`   inconclusive: the bench's own process used ${(benchCpu * 100).toFixed(0)} % of a core`);
        break;
      }
      held = n;
    }
  } finally {
    await Promise.all(channels.flatMap((c) => [c.probe.stop(), c.stop()]));
  }
  say(
    '',
    `largest number of channels on air with HLS that this node held: ${held}${held === MAX_CHANNELS ? ' (the ramp ended at BENCH_MAX_CHANNELS)' : ''}`,
    hostLine(),
  );
});
