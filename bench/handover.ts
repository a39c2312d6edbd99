/**
 * Slot enforcement and handover, measured in the audio a real listener receives (npm run bench:handover).
 *
 * Each run schedules two back-to-back slots of a few seconds on one channel: DJ A (600 Hz tone)
 * then DJ B (1 kHz tone), and nobody after B. A publishes in its slot; B waits in the green room
 * (connected, no publish rights) and publishes when the server grants it at the boundary. A
 * listener (rtc-node, like the DJs) stamps every received 10 ms frame with the tones it holds.
 * - handover gap: first frame with B's tone minus last frame with A's tone, less one frame
 *   (negative = both heard at once, an overlap);
 * - slot end: last frame with B's tone minus the end of B's slot (nobody follows).
 * Everything runs on one machine, so the DJs, the listener and the app share one clock.
 */
import { RoomServiceClient } from 'livekit-server-sdk';
import type { AccountSummary } from '../src/types/account';
import type { TokenResponse } from '../src/types/room';
import type { ChannelSummary } from '../src/types/channel';
import { firstHeard, handoverGap, lastHeard, toneDj, toneListener } from '../tests/support/tone';
import { apiCaller, signIn, uniqueSuffix } from './support/api';
import { fail, hostLine, requireEnv, runBench, sleep } from './support/env';
import { formatSummary, summarize } from './support/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const SLOT_SECONDS = 4;
const TONE_A = 600;
const TONE_B = 1000;

const utcLocal = (at: Date) => at.toISOString().slice(0, 19);

type Setup = Awaited<ReturnType<typeof setUp>>;
type Run = { gap: number; cut: number; serverCut: number };

runBench('handover', async () => {
  const setup = await setUp();
  const runs: Run[] = [];
  for (let run = 1; run <= RUNS; run++) runs.push(await measureRun(run, setup));

  console.log('== Slot enforcement and handover, measured in the received audio (loopback) ==');
  console.log('method: two back-to-back slots per run, DJ A 600 Hz then DJ B 1 kHz (rtc-node publishers), B in the green');
  console.log('room until the server grants publishing; an rtc-node listener stamps every 10 ms frame with the tones in it.');
  console.log(hostLine());
  console.log(`handover gap (first B frame - last A frame - 10 ms; < 0 is overlap): ${formatSummary(summarize(runs.map((r) => r.gap)))}`);
  console.log(`slot end -> last tone frame at the listener (nobody follows):          ${formatSummary(summarize(runs.map((r) => r.cut)))}`);
  console.log(
    `slot end -> track gone in LiveKit's participant list:                  ${formatSummary(summarize(runs.map((r) => r.serverCut)))}`,
  );
});

/** A channel with two DJs allowed on it (signed in), token fetching for it, and LiveKit's room API. */
async function setUp() {
  const appUrl = requireEnv('APP_URL');
  const admin = await signIn(appUrl, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') });
  const suffix = uniqueSuffix();
  const call = apiCaller(appUrl);
  const channel = await call<ChannelSummary>(
    'POST',
    '/api/admin/channels',
    { name: `Handover ${suffix}`, slug: `handover-${suffix}` },
    admin,
    201,
  );
  const djs = [];
  for (const tag of ['a', 'b']) {
    const creds = {
      name: `DJ ${tag.toUpperCase()} ${suffix}`,
      email: `dj-${tag}-${suffix}@bench.local`,
      password: `pw-${suffix}-long-enough`,
    };
    const account = await call<AccountSummary>('POST', '/api/admin/accounts', creds, admin, 201);
    djs.push({ account, cookie: await signIn(appUrl, creds) });
  }
  const [a, b] = djs as [(typeof djs)[number], (typeof djs)[number]];
  await call('PUT', `/api/admin/channels/${channel.id}/djs`, { userIds: [a.account.id, b.account.id] }, admin);
  const token = (cookie: string | undefined, role: 'dj' | 'listener') =>
    call<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role }, cookie);
  const rooms = new RoomServiceClient(
    requireEnv('LIVEKIT_URL').replace(/^ws/, 'http'),
    requireEnv('LIVEKIT_API_KEY'),
    requireEnv('LIVEKIT_API_SECRET'),
  );
  return { call, admin, channel, a, b, token, rooms };
}

/** One handover: slots A then B, A publishing, B in the green room, a listener; measured and logged. */
async function measureRun(run: number, { call, admin, channel, a, b, token, rooms }: Setup): Promise<Run> {
  const startA = Math.ceil(Date.now() / 1000) * 1000 - 1000;
  // Generous lead: everyone connects well before the boundary, even on a busy machine.
  const boundary = startA + 12_000;
  const endB = boundary + SLOT_SECONDS * 1000;
  const slot = (hostId: string, start: number, seconds: number) =>
    call(
      'POST',
      `/api/admin/channels/${channel.id}/slots`,
      { start: utcLocal(new Date(start)), durationSeconds: seconds, hostIds: [hostId], title: `run ${run}` },
      admin,
      201,
    );
  await slot(a.account.id, startA, (boundary - startA) / 1000);
  await slot(b.account.id, boundary, SLOT_SECONDS);
  const aToken = await token(a.cookie, 'dj');
  const bToken = await token(b.cookie, 'dj');
  if (bToken.access?.mode !== 'green_room') fail(`DJ B should wait in the green room, got ${bToken.access?.mode}`);

  const listener = await toneListener(await token(undefined, 'listener'), [TONE_A, TONE_B]);
  const djA = await toneDj(aToken, TONE_A);
  const djB = await toneDj(bToken, TONE_B);
  await djA.publish();
  djB.publishWhenGranted();
  if (Date.now() > boundary - 1_000) fail(`run ${run}: setup took too long (${Date.now() - startA} ms); the machine is overloaded`);

  const serverCut = await trackGoneAfter(rooms, `channel-${channel.id}`, bToken.identity, endB);
  await sleep(1_500);
  const gap = handoverGap(listener.heard, TONE_A, TONE_B);
  const lastB = lastHeard(listener.heard, TONE_B);
  const earlyB = firstHeard(listener.heard, TONE_B);
  await Promise.all([listener.stop(), djA.stop(), djB.stop()]);
  if (gap === null || lastB === null || serverCut === null)
    fail(`run ${run}: incomplete measurement (gap ${gap}, last B ${lastB}, server cut ${serverCut})`);
  if (earlyB !== null && earlyB < boundary) fail(`run ${run}: DJ B was heard ${boundary - earlyB} ms before their slot`);
  console.log(
    `[handover] run ${run}/${RUNS}: handover gap ${gap.toFixed(0)} ms, slot end -> silence ${(lastB - endB).toFixed(0)} ms (track gone on the server after ${serverCut} ms)`,
  );
  return { gap, cut: lastB - endB, serverCut };
}

/** Server side: ms from `endAt` until `identity` has no track left in the room (null: not within 6 s). */
async function trackGoneAfter(rooms: RoomServiceClient, room: string, identity: string, endAt: number): Promise<number | null> {
  while (Date.now() < endAt - 200) await sleep(50);
  while (Date.now() < endAt + 6_000) {
    const list = await rooms.listParticipants(room).catch(() => []);
    const dj = list.find((p) => p.identity === identity);
    if (Date.now() >= endAt && dj && dj.tracks.length === 0) return Date.now() - endAt;
    await sleep(20);
  }
  return null;
}
