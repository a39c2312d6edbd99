/**
 * OBS at a slot start (npm run bench:obs-slot): ffmpeg as OBS pushes from the green room, and
 * the slot boundary is measured in the audio a real listener receives and in the channel page's
 * live state.
 *
 * Each run gives the DJ a slot of a few seconds starting LEAD_MS from now. The DJ's RTMP input
 * is enabled from the green-room time (SLOT_GREEN_ROOM_SECONDS before the start, so at once), and
 * ffmpeg (tests/support/obs.ts, a 1 kHz sine in AAC/FLV) pushes right away: the ingress joins the
 * room and its track is held muted by the server until the start, then unmuted. An rtc-node
 * listener stamps every received 10 ms frame that holds the tone; the channel's server-sent
 * event stream (what the listener page reads) is stamped on arrival. One machine, one clock.
 * - boundary -> first audio: first tone frame at the listener minus the slot start;
 * - first audio -> live state: arrival of the first state showing the DJ on air minus first audio;
 * - same session: the ingress participant after the start is the one that joined in the green room.
 */
import { RoomServiceClient, TrackType } from 'livekit-server-sdk';
import type { AccountSummary } from '../src/types/account';
import { ingressIdentity, type TokenResponse } from '../src/types/room';
import type { ChannelSummary } from '../src/types/channel';
import type { ChannelState } from '../src/types/live';
import type { IngressEndpoint } from '../src/types/ingress';
import { hasExited, pushRtmp } from '../tests/support/obs';
import { openStream } from '../tests/support/sse';
import { firstHeard, toneListener } from '../tests/support/tone';
import { apiCaller, signIn, uniqueSuffix } from './support/api';
import { fail, hostLine, requireEnv, runBench, sleep } from './support/env';
import { formatSummary, summarize } from './support/stats';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 8));
/** Slot start this far after the slot is made: the ingress needs a few seconds to join the room. */
const LEAD_MS = 15_000;
const SLOT_SECONDS = 4;
const TONE = 1000;

const utcLocal = (at: Date) => at.toISOString().slice(0, 19);

type Setup = Awaited<ReturnType<typeof setUp>>;
type Run = { heard: number; live: number; joinedBefore: number; sameSession: boolean };

runBench('obs-slot', async () => {
  const setup = await setUp();
  const runs: Run[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) runs.push(await measureRun(run, setup));
  } finally {
    await setup.stream.close();
    await setup.listener.stop();
  }

  console.log('');
  console.log('== OBS at a slot start: ffmpeg as OBS pushing from the green room (loopback) ==');
  console.log('method: per run a slot starting 15 s after it is made; ffmpeg pushes a 1 kHz tone over RTMP at once, the input');
  console.log('        is enabled from the green-room time and its track held muted until the start, then unmuted; an rtc-node');
  console.log('        listener stamps every 10 ms frame with the tone; the channel SSE stream is stamped on arrival; one clock.');
  console.log(hostLine());
  console.log(`OBS held in the green room before the start:      ${formatSummary(summarize(runs.map((r) => r.joinedBefore)))}`);
  console.log(`slot boundary -> first audio at the listener:      ${formatSummary(summarize(runs.map((r) => r.heard)))}  (target 1500 ms)`);
  console.log(`first audio -> live state on the channel stream:   ${formatSummary(summarize(runs.map((r) => r.live)))}  (target 1000 ms)`);
  console.log(`same ingress session across the start (no reconnect): ${runs.filter((r) => r.sameSession).length}/${RUNS}`);
});

/** A channel, its DJ with an RTMP input, a tone listener and the channel's live stream. */
async function setUp() {
  const appUrl = requireEnv('APP_URL');
  const admin = await signIn(appUrl, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') });
  const suffix = uniqueSuffix();
  const call = apiCaller(appUrl);
  const channel = await call<ChannelSummary>(
    'POST',
    '/api/admin/channels',
    { name: `OBS slot ${suffix}`, slug: `obs-slot-${suffix}` },
    admin,
    201,
  );
  const creds = { name: `DJ OBS ${suffix}`, email: `dj-obs-${suffix}@bench.local`, password: `pw-${suffix}-long-enough` };
  const account = await call<AccountSummary>('POST', '/api/admin/accounts', creds, admin, 201);
  const dj = await signIn(appUrl, creds);
  await call('PUT', `/api/admin/channels/${channel.id}/djs`, { userIds: [account.id] }, admin);
  const endpoint = await call<IngressEndpoint>('POST', '/api/livekit/ingress', { channelId: channel.id, inputType: 'rtmp' }, dj, 201);
  const rooms = new RoomServiceClient(
    requireEnv('LIVEKIT_URL').replace(/^ws/, 'http'),
    requireEnv('LIVEKIT_API_KEY'),
    requireEnv('LIVEKIT_API_SECRET'),
  );
  const identity = ingressIdentity('rtmp', account.id);
  const obsParticipant = async () =>
    (await rooms.listParticipants(`channel-${channel.id}`).catch(() => [])).find((p) => p.identity === identity);
  const listener = await toneListener(
    await call<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'listener' }),
    [TONE],
  );
  const stream = await openStream<ChannelState>(`/api/channels/${channel.slug}/events`);
  return { call, admin, channel, account, endpoint, obsParticipant, listener, stream };
}

/** One slot: OBS pushes from the green room, then the boundary in the audio and the live state; logged. */
async function measureRun(run: number, setup: Setup): Promise<Run> {
  const { call, admin, channel, account, obsParticipant, listener, stream } = setup;
  const runStart = Date.now(); // the previous run's slot ended (and was silent) before this
  const boundary = Math.ceil((runStart + LEAD_MS) / 1000) * 1000;
  await call(
    'POST',
    `/api/admin/channels/${channel.id}/slots`,
    { start: utcLocal(new Date(boundary)), durationSeconds: SLOT_SECONDS, hostIds: [account.id], title: `run ${run}` },
    admin,
    201,
  );
  const { push, joined } = await pushFromGreenRoom(setup, run, boundary);
  const statesBefore = stream.states.length;
  await sleep(boundary + 4_000 - Date.now());
  const early = listener.heard.find((h) => h.t < boundary && h.t > runStart && h.tones.includes(TONE));
  if (early) fail(`run ${run}: OBS heard ${boundary - early.t} ms before the slot start`);
  const first = firstHeard(listener.heard, TONE, boundary);
  const liveIndex = stream.states.findIndex((s, i) => i >= statesBefore && s.channel.live.onAir && s.channel.live.djName === account.name);
  if (first === null || liveIndex < 0) fail(`run ${run}: incomplete (first audio ${first}, live state ${liveIndex})`);
  const after = await obsParticipant();
  const sameSession = after?.sid === joined.sid && !hasExited(push);
  console.log(
    `[obs-slot] run ${run}/${RUNS}: OBS held ${((boundary - joined.at) / 1000).toFixed(1)} s before the start; boundary -> first audio ${first - boundary} ms; first audio -> live state ${stream.times[liveIndex]! - first} ms; same session ${after?.sid === joined.sid}`,
  );
  // Let the slot end (the input is cut and disabled) before the next run.
  await sleep(boundary + SLOT_SECONDS * 1000 + 3_000 - Date.now());
  await push.stop();
  return { heard: first - boundary, live: stream.times[liveIndex]! - first, joinedBefore: boundary - joined.at, sameSession };
}

/** ffmpeg pushing until the ingress participant is in the room with its audio held muted (before `boundary`). */
async function pushFromGreenRoom({ endpoint, obsParticipant }: Setup, run: number, boundary: number) {
  // The supervision loop enables the input within a couple of seconds (green room); pushes before that are refused.
  let push = pushRtmp(endpoint);
  let joined: { sid: string; at: number } | null = null;
  while (!joined && Date.now() < boundary - 500) {
    const p = await obsParticipant();
    if (p?.tracks.some((t) => t.type === TrackType.AUDIO && t.muted)) joined = { sid: p.sid, at: Date.now() };
    else if (hasExited(push)) push = pushRtmp(endpoint); // refused before the input was enabled: OBS retries
    await sleep(100);
  }
  if (!joined) fail(`run ${run}: OBS was not held in the green room before the slot start (ffmpeg: ${push.log().trim().slice(-300)})`);
  return { push, joined };
}
