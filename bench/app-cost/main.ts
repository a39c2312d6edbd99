/**
 * The app's own costs (npm run bench:app-cost), on the stack scripts/with-stack.ts starts: CPU of
 * the app server per 1,000 open event streams (listener pages' live updates) and per LiveKit
 * webhook, for the capacity table (docs/capacity.md). Four windows of BENCH_SECONDS (default 30),
 * reading the app server's processes from /proc each second:
 * 1. nothing open, no webhooks;
 * 2. BENCH_STREAMS (default 1,000) streams on one channel, from 40 loopback addresses (25 each,
 *    under the per-client cap), heartbeats only;
 * 3. no streams, BENCH_WEBHOOKS a second (default 20): signed listener joins and leaves of that channel;
 * 4. both: each webhook changes the channel's listener count, which every stream then receives;
 * 5. BENCH_CHANNELS channels (default 300, 7 weekly slots each), one stream on each (a page per channel);
 * 6. the same and the admin console's stream (every channel's state in one topic).
 * 7. (BENCH_PART=onair only) BENCH_ONAIR channels on air (default 4), a page open on each, with the
 *    database operations a second beside the CPU (on-air.ts).
 * BENCH_PART=streams runs windows 1-4 only, BENCH_PART=channels 1, 5 and 6, BENCH_PART=onair 1 and 7.
 */
import { createFixture } from '../support/api';
import { fail, hostLine, requireEnv, runBench, sleep } from '../support/env';
import { loadSummary, measureCpu } from '../support/proc-cpu';
import { formatSummary, summarize } from '../support/stats';
import { processRole, stackProcesses } from '../support/stack-procs';
import { appCosts } from './costs';
import { EventStreams } from './streams';
import { onAirWindows } from './on-air';
import { createChannels, followChannels, followStation } from './topics';
import { sendWebhooks, type WebhookRun } from './webhooks';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1_000);
const RATE = Number(process.env.BENCH_WEBHOOKS ?? 20);
const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 300);
const PART = process.env.BENCH_PART ?? 'all';
const ON_AIR = Number(process.env.BENCH_ONAIR ?? 4);
const SETTLE_MS = 5_000;

const appPids = () => stackProcesses().filter((pid) => processRole(pid) === 'app');
const say = (...lines: string[]) => console.log(lines.join('\n'));

/** `atStart` runs after the settling, as the CPU window opens (a reading that must cover the same window). */
async function measureWindow(
  name: string,
  during?: () => Promise<WebhookRun>,
  atStart?: () => Promise<void>,
): Promise<{ cores: number; hooks: WebhookRun | null }> {
  await sleep(SETTLE_MS);
  await atStart?.();
  const [cpu, hooks] = await Promise.all([measureCpu(SECONDS, appPids, () => 'app'), during ? during() : Promise.resolve(null)]);
  if (hooks && hooks.latencies.length === 0) fail(`${name}: no webhook was accepted (${hooks.failed} failed)`);
  const rss = cpu.total.rssMb.toFixed(0);
  const answered = hooks
    ? `; webhooks ${hooks.sent} sent, ${hooks.failed} failed, answered ${formatSummary(summarize(hooks.latencies))}`
    : '';
  say(`[app-cost] ${name}: app ${(cpu.total.cpu * 100).toFixed(1)}% of a core, RSS ${rss} MB, ${loadSummary(cpu.load)}${answered}`);
  return { cores: cpu.total.cpu, hooks };
}

runBench('app-cost', async () => {
  say(
    '== The app server per open event stream and per webhook ==',
    `windows of ${SECONDS} s after ${SETTLE_MS / 1000} s settling`,
    hostLine(),
  );
  const { appUrl, channel } = await createFixture('appcost');
  const keys = { apiKey: requireEnv('LIVEKIT_API_KEY'), apiSecret: requireEnv('LIVEKIT_API_SECRET') };
  const hooks = () => sendWebhooks(appUrl, keys, channel.id, RATE, SECONDS);
  if (appPids().length === 0) fail('no app server process found in the stack');

  if (PART === 'onair') return onAirWindows(appUrl, ON_AIR, (name, atStart) => measureWindow(name, undefined, atStart), 3 * STREAMS);
  const base = await measureWindow('nothing open');
  if (PART !== 'channels') await streamWindows(appUrl, channel.slug, hooks, base.cores);
  if (PART !== 'streams') await channelWindows(appUrl, base.cores);
});

/** Windows 2-4: the cost of an open stream, of a webhook and of an update's fan-out. */
async function streamWindows(appUrl: string, slug: string, hooks: () => Promise<WebhookRun>, baseCores: number): Promise<void> {
  const streams = new EventStreams(appUrl, slug);
  await streams.grow(STREAMS);
  if (streams.refused > 0) fail(`${streams.refused} of ${STREAMS} event streams were refused`);
  const idle = await measureWindow(`${STREAMS} streams open, idle`);
  streams.close();
  const webhooks = await measureWindow(`no streams, ${RATE} webhooks/s`, hooks);

  const fanOut = new EventStreams(appUrl, slug, STREAMS);
  await fanOut.grow(STREAMS);
  if (fanOut.refused > 0) fail(`${fanOut.refused} of ${STREAMS} event streams were refused`);
  const framesBefore = fanOut.frames;
  const both = await measureWindow(`${STREAMS} streams open, ${RATE} webhooks/s`, hooks);
  const framesPerSecond = (fanOut.frames - framesBefore) / SECONDS;
  fanOut.close();
  if (framesPerSecond === 0) fail('the streams received no update while webhooks changed the channel');
  say(
    `[app-cost] the streams received ${framesPerSecond.toFixed(0)} state frames/s (${(framesPerSecond / STREAMS).toFixed(2)} per stream)`,
  );

  const c = appCosts({ base: baseCores, streams: idle.cores, hooks: webhooks.cores, both: both.cores }, STREAMS, RATE, framesPerSecond);
  say(
    '',
    `1,000 open event streams, idle:              ${(c.coresPer1000Idle * 100).toFixed(2)}% of a core`,
    `one webhook (verify, apply, wake the loop):  ${c.cpuMsPerWebhook.toFixed(2)} CPU-ms`,
    `one state frame to one stream (fan-out):     ${c.cpuUsPerFrame.toFixed(1)} CPU-µs`,
    `1,000 streams at one update a second:        ${(c.coresPer1000AtOneUpdate * 100).toFixed(2)}% of a core`,
    hostLine(),
  );
}

/** Windows 5 and 6: the cost of a channel followed, i.e. of one stream topic computed every pass. */
async function channelWindows(appUrl: string, baseCores: number): Promise<void> {
  say('', `creating ${CHANNELS} channels with 7 weekly slots each ...`);
  const { slugs, adminCookie } = await createChannels(CHANNELS);
  const streams = await followChannels(appUrl, slugs, 2 * STREAMS);
  const pages = await measureWindow(`${CHANNELS} channels, one page open on each`);
  const unserved = streams.filter((s) => s.frames === 0).length;
  if (unserved > 0) fail(`${unserved} of ${CHANNELS} channel streams received no state`);
  const station = followStation(appUrl, adminCookie);
  const withAdmin = await measureWindow(`${CHANNELS} channels' pages and the admin console`);
  station.close();
  for (const s of streams) s.close();
  if (station.frames() === 0) fail('the admin console stream received no state');
  const perChannel = Math.max(0, pages.cores - baseCores) / CHANNELS;
  const admin = Math.max(0, withAdmin.cores - pages.cores);
  say(
    '',
    `one channel followed (its topic every pass):  ${(perChannel * 100).toFixed(3)}% of a core`,
    `the admin console over ${CHANNELS} channels:      ${(admin * 100).toFixed(1)}% of a core`,
    hostLine(),
  );
}
