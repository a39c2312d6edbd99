/**
 * AutoDJ, measured in the audio a real listener receives (npm run bench:autodj).
 *
 * A channel with AutoDJ on and one archived set (a 440 Hz tone .m4a in the stack's MinIO, its row
 * as the archive task writes it) replays it (ffmpeg decodes, the app publishes with rtc-node). Each run: a DJ (an admin's
 * override token, rtc-node, 1 kHz tone) goes live, plays a few seconds and stops. An rtc-node
 * listener stamps every received 10 ms frame with the tones it holds.
 * - takeover gap: first DJ frame minus last replay frame, less one frame (< 0: both heard, an overlap);
 * - replay tail: last replay frame minus the first DJ frame (how long the replay is heard over the DJ);
 * - resume: the DJ's disconnect to the first replay frame after it.
 * Then the CPU of the app server (which publishes the replay) and its ffmpeg, with one replay and with none.
 */
import type { AdminChannel, ChannelSummary } from '../src/types/channel';
import type { TokenResponse } from '../src/types/room';
import { seedArchivedSet } from '../tests/support/autodj';
import { firstHeard, handoverGap, lastHeard, toneDj, toneListener } from '../tests/support/tone';
import { apiCaller, signIn, uniqueSuffix } from './support/api';
import { fail, hostLine, requireEnv, runBench, sleep } from './support/env';
import { cmdline, descendants, measureCpu, procStat } from './support/proc-cpu';
import { formatSummary, summarize } from './support/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const REPLAY_TONE = 440;
const DJ_TONE = 1000;
const CPU_SECONDS = 20;

type Run = { gap: number; tail: number; resume: number };

runBench('autodj', async () => {
  const appUrl = requireEnv('APP_URL');
  const admin = await signIn(appUrl, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') });
  const call = apiCaller(appUrl);
  const suffix = uniqueSuffix();
  const channel = await call<ChannelSummary>(
    'POST',
    '/api/admin/channels',
    { name: `AutoDJ ${suffix}`, slug: `autodj-${suffix}` },
    admin,
    201,
  );
  const token = (role: 'dj' | 'listener') =>
    call<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role }, role === 'dj' ? admin : undefined, 200);

  const idle = await measureCpu(CPU_SECONDS / 2, appProcesses, roleOf);
  await seedArchivedSet(channel.id, REPLAY_TONE, 600);
  const listener = await toneListener(await token('listener'), [REPLAY_TONE, DJ_TONE]);
  const enabled = Date.now();
  // The archive off: each run's DJ set would otherwise join the rotation (a replay of the DJ's tone, not the seeded one).
  await call<AdminChannel>('PATCH', `/api/admin/channels/${channel.id}`, { autoDjEnabled: true, archiveEnabled: false }, admin, 200);
  const firstStart = (await until(() => firstHeard(listener.heard, REPLAY_TONE), 30_000, 'the first replay')) - enabled;
  const playing = await measureCpu(CPU_SECONDS, appProcesses, roleOf);

  const runs: Run[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const dj = await toneDj(await token('dj'), DJ_TONE);
    const from = Date.now();
    await dj.publish();
    const djFirst = await until(() => firstHeard(listener.heard, DJ_TONE, from), 15_000, 'the DJ');
    await sleep(4_000);
    const recent = listener.heard.filter((h) => h.t >= from - 2_000);
    const gap = handoverGap(recent, REPLAY_TONE, DJ_TONE) ?? fail('no takeover measured');
    const tail = (lastHeard(recent, REPLAY_TONE) ?? djFirst) - djFirst;
    await dj.stop();
    const stopped = Date.now();
    const resume = (await until(() => firstHeard(listener.heard, REPLAY_TONE, stopped), 20_000, 'the replay resuming')) - stopped;
    console.log(`[autodj] run ${run}: takeover gap ${gap} ms, replay tail ${tail} ms, resume ${resume} ms`);
    runs.push({ gap, tail, resume });
    await sleep(3_000);
  }
  await call('PATCH', `/api/admin/channels/${channel.id}`, { autoDjEnabled: false }, admin, 200);
  await listener.stop();

  console.log('== AutoDJ: takeover and resume, measured in the received audio (loopback) ==');
  console.log('method: one archived set (440 Hz .m4a) replayed by the app (ffmpeg + rtc-node); per run a DJ (rtc-node, 1 kHz, admin');
  console.log('override) goes live for ~4 s and stops; an rtc-node listener stamps every 10 ms frame with the tones in it.');
  console.log(hostLine());
  console.log(`AutoDJ on -> first replay frame at the listener: ${firstStart} ms`);
  console.log(
    `takeover gap (first DJ frame - last replay frame - 10 ms; < 0 is overlap): ${formatSummary(summarize(runs.map((r) => r.gap)))}`,
  );
  console.log(`replay heard after the DJ's first frame:                              ${formatSummary(summarize(runs.map((r) => r.tail)))}`);
  console.log(
    `DJ disconnects -> replay heard again:                                 ${formatSummary(summarize(runs.map((r) => r.resume)))}`,
  );
  const cpu = (w: Awaited<ReturnType<typeof measureCpu>>) =>
    w.roles.map((r) => `${r.role} ${r.cpu.toFixed(3)} cores (${r.processes} proc, ${r.rssMb.toFixed(0)} MB)`).join('; ');
  console.log(`app CPU, no replay (${idle.seconds.toFixed(0)} s): ${cpu(idle)}`);
  console.log(`app + ffmpeg CPU, one replay playing (${playing.seconds.toFixed(0)} s): ${cpu(playing)}`);
  console.log(`AutoDJ CPU per channel (playing - idle): ${(playing.total.cpu - idle.total.cpu).toFixed(3)} cores`);
});

async function until(probe: () => number | null, timeoutMs: number, what: string): Promise<number> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== null) return v;
    if (Date.now() > end) fail(`${what} was not heard within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** The stack's app server (it publishes the replay, rtc-node in process) and its ffmpeg decoders. */
function appProcesses(): number[] {
  const ancestors = new Set<number>();
  for (let p: number | undefined = process.pid; p && p > 1; p = procStat(p)?.ppid) ancestors.add(p);
  const stack = descendants([...ancestors].filter((p) => p !== process.pid));
  const app = stack.filter((pid) => / server\.(ts|mjs)( |$)/.test(cmdline(pid)) && !ancestors.has(pid));
  return descendants(app);
}

function roleOf(pid: number): string {
  return cmdline(pid).startsWith('ffmpeg') ? 'ffmpeg (decode)' : 'app (node, rtc-node publish)';
}
