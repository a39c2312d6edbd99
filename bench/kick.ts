/**
 * Kick under CPU load (npm run bench:kick): how long until a kicked DJ is off air, and how long
 * the API takes to answer, with `stress-ng --cpu 4` running on top of the stack.
 *
 * Each run makes a fresh channel and DJ with a slot now (a kick blocks the account for the rest
 * of its slot) and puts the DJ on air with a 1 kHz tone: odd runs from the browser's publisher
 * (rtc-node, as the DJ console), even runs from OBS (ffmpeg pushing RTMP to the real ingress).
 * A listener (rtc-node) stamps every received 10 ms frame that holds the tone. Then the admin
 * kicks, and the bench records:
 * - API answer: the kick request's round trip as curl (a process of its own) times it, and its
 *   status (200 done, 202 LiveKit side pending);
 * - off air in LiveKit: request start -> the DJ's participant has no track in LiveKit's list;
 * - off air at the listener: request start -> the last frame with the tone.
 * Everything runs on one machine, so all times share one clock. Targets: off air within 5 s in
 * every run, the API within 1 s.
 */
import { spawn, spawnSync } from 'node:child_process';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { ActionView } from '../src/types/action';
import { ingressIdentity, type TokenResponse } from '../src/types/room';
import type { ChannelSummary } from '../src/types/channel';
import type { IngressEndpoint } from '../src/types/ingress';
import { lastHeard, toneDj, toneListener } from '../tests/support/tone';
import { pushRtmp } from '../tests/support/obs';
import { createFixture, postJson, signIn } from './support/api';
import { fail, hostLine, requireEnv, runBench, sleep } from './support/env';
import { curlPostJson } from './support/curl';
import { formatSummary, summarize } from './support/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const TONE = 1000;
const OFF_AIR_TARGET_MS = 5_000;
const ANSWER_TARGET_MS = 1_000;
/** How long the bench watches for the DJ to go off air before calling the run a miss. */
const WATCH_MS = 20_000;
const JOIN_TIMEOUT_MS = 40_000;

/** stress-ng (Debian package stress-ng) loads every core; the figures mean nothing without it. */
function startLoad(): () => void {
  if (spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).error) {
    fail('stress-ng is missing: install the Debian package (apt-get install stress-ng); this bench measures under load');
  }
  const child = spawn('stress-ng', ['--cpu', '4', '--quiet'], { stdio: 'ignore' });
  return () => void child.kill('SIGTERM');
}

type Run = { kind: 'browser' | 'obs'; status: number; apiMs: number; appMs: number; livekitMs: number; listenerMs: number };

/** What every run uses: the app, the admin's session and LiveKit's room API. */
type Bench = { appUrl: string; admin: string; rooms: RoomServiceClient };

runBench('kick', async () => {
  const appUrl = requireEnv('APP_URL');
  const livekitUrl = requireEnv('LIVEKIT_URL');
  const admin = await signIn(appUrl, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') });
  const rooms = new RoomServiceClient(livekitUrl.replace(/^ws/, 'http'), requireEnv('LIVEKIT_API_KEY'), requireEnv('LIVEKIT_API_SECRET'));
  const bench: Bench = { appUrl, admin, rooms };

  const stopLoad = startLoad();
  const runs: Run[] = [];
  try {
    await sleep(5_000); // let the load average climb before the first run
    console.log(`[kick] under stress-ng --cpu 4: ${hostLine()}`);
    for (let run = 1; run <= RUNS; run++) runs.push(await measureRun(run, bench));
    console.log(`[kick] end of runs: ${hostLine()}`);
  } finally {
    stopLoad();
  }
  report(runs);
});

/** POST `route`, failing unless the status is in `ok`. */
async function post<T>(
  appUrl: string,
  route: string,
  body: unknown,
  cookie: string | undefined,
  ok: number[],
): Promise<{ status: number; body: T }> {
  const res = await postJson(appUrl, route, body, cookie);
  if (!ok.includes(res.status)) fail(`POST ${route}: HTTP ${res.status} ${await res.text()}`);
  return { status: res.status, body: (await res.json()) as T };
}

/** One run: a fresh channel and DJ on air (browser or OBS), a listener, the kick, and the times to off air. */
async function measureRun(run: number, { appUrl, admin, rooms }: Bench): Promise<Run> {
  const kind: Run['kind'] = run % 2 === 1 ? 'browser' : 'obs';
  const fx = await createFixture('bench-kick');
  const cookie = await signIn(appUrl, fx.dj);
  const room = `channel-${fx.channel.id}`;
  const listener = await toneListener(
    (await post<TokenResponse>(appUrl, '/api/livekit/token', { channelId: fx.channel.id, role: 'listener' }, undefined, [200])).body,
    [TONE],
  );
  const { identity, stopDj } = await putOnAir(appUrl, kind, fx.channel.id, cookie);
  const onAir = async (slug: string) => ((await (await fetch(`${appUrl}/api/channels/${slug}`)).json()) as ChannelSummary).live.onAir;
  const ready = Date.now() + JOIN_TIMEOUT_MS;
  while (!(lastHeard(listener.heard, TONE) && (await onAir(fx.channel.slug)))) {
    if (Date.now() > ready) fail(`run ${run} (${kind}): the DJ never went on air`);
    await sleep(200);
  }

  const t0 = Date.now();
  const kick = await curlPostJson<{ action: ActionView }>(appUrl, `/api/admin/channels/${fx.channel.id}/kick`, {}, admin);
  if (kick.status !== 200 && kick.status !== 202)
    fail(`run ${run} (${kind}): kick answered HTTP ${kick.status} ${JSON.stringify(kick.body)}`);
  const apiMs = kick.totalMs;
  const appMs = Number(/app;dur=(\d+)/.exec(kick.serverTiming)?.[1] ?? Number.NaN);
  const fetchMs = Date.now() - t0;
  const livekitMs = await tracksGoneAfter(rooms, room, identity, t0);
  await sleep(2_000); // the listener's last frames arrive, and nothing comes back
  const last = lastHeard(listener.heard, TONE) ?? t0;
  const listenerMs = Math.max(0, last - t0);
  await Promise.all([listener.stop(), stopDj()]);
  if (Number.isNaN(livekitMs)) fail(`run ${run} (${kind}): still on air in LiveKit ${WATCH_MS} ms after the kick`);
  console.log(
    `[kick] run ${run}/${RUNS} (${kind}): API ${kick.status} (${kick.body.action.status}) in ${apiMs} ms (${appMs} ms in the handler; ${fetchMs} ms as this process saw it), off air in LiveKit ${livekitMs} ms, last tone at the listener ${listenerMs} ms`,
  );
  return { kind, status: kick.status, apiMs, appMs, livekitMs, listenerMs };
}

/** The DJ publishing a tone: from rtc-node as the console does, or OBS as ffmpeg pushing RTMP. */
async function putOnAir(
  appUrl: string,
  kind: Run['kind'],
  channelId: string,
  cookie: string,
): Promise<{ identity: string; stopDj: () => Promise<void> }> {
  if (kind === 'browser') {
    const token = (await post<TokenResponse>(appUrl, '/api/livekit/token', { channelId, role: 'dj' }, cookie, [200])).body;
    const dj = await toneDj(token, TONE);
    await dj.publish();
    return { identity: token.identity, stopDj: dj.stop };
  }
  const endpoint = (await post<IngressEndpoint>(appUrl, '/api/livekit/ingress', { channelId, inputType: 'rtmp' }, cookie, [201])).body;
  const push = pushRtmp(endpoint);
  return { identity: ingressIdentity('rtmp', await whoAmI(appUrl, cookie)), stopDj: push.stop };
}

/** ms from `t0` until `identity` has no track in LiveKit's list of `room` (NaN: not within WATCH_MS). */
async function tracksGoneAfter(rooms: RoomServiceClient, room: string, identity: string, t0: number): Promise<number> {
  const tracksOf = async () =>
    (await rooms.listParticipants(room).catch(() => [])).find((p) => p.identity === identity)?.tracks.length ?? 0;
  while (Date.now() - t0 < WATCH_MS) {
    if ((await tracksOf()) === 0) return Date.now() - t0;
    await sleep(20);
  }
  return Number.NaN;
}

function report(runs: Run[]) {
  const offAir = runs.map((r) => Math.max(r.livekitMs, r.listenerMs));
  console.log('== Kick under CPU load (stress-ng --cpu 4 on top of the stack) ==');
  console.log('method: per run a fresh channel and DJ on air with a 1 kHz tone (odd runs browser/rtc-node, even runs OBS/ffmpeg RTMP);');
  console.log('an rtc-node listener stamps every received 10 ms frame; times from the start of the kick request, one clock.');
  console.log(
    `API answer:                        ${formatSummary(summarize(runs.map((r) => r.apiMs)))}  (statuses ${runs.map((r) => r.status).join(' ')})`,
  );
  console.log(`  of which in the route handler:   ${formatSummary(summarize(runs.map((r) => r.appMs)))}`);
  console.log(`off air in LiveKit (no track):     ${formatSummary(summarize(runs.map((r) => r.livekitMs)))}`);
  console.log(`last tone frame at the listener:   ${formatSummary(summarize(runs.map((r) => r.listenerMs)))}`);
  for (const kind of ['browser', 'obs'] as const) {
    const of = runs.filter((r) => r.kind === kind);
    if (of.length)
      console.log(
        `  ${kind.padEnd(7)} off air (later of both): ${formatSummary(summarize(of.map((r) => Math.max(r.livekitMs, r.listenerMs))))}`,
      );
  }
  const inTarget = offAir.filter((v) => v <= OFF_AIR_TARGET_MS).length;
  const answered = runs.filter((r) => r.apiMs <= ANSWER_TARGET_MS).length;
  console.log(
    `off air within ${OFF_AIR_TARGET_MS / 1000} s: ${inTarget} of ${runs.length}; API within ${ANSWER_TARGET_MS / 1000} s: ${answered} of ${runs.length}`,
  );
}

/** The signed-in DJ's account id (an OBS input's identity is built from it). */
async function whoAmI(appUrl: string, cookie: string): Promise<string> {
  const res = await fetch(`${appUrl}/api/auth/get-session`, { headers: { cookie } });
  const body = (await res.json()) as { user?: { id?: string } } | null;
  if (!body?.user?.id) fail('could not read the DJ session');
  return body.user.id;
}
