/**
 * Server-side tempo of OBS sets (npm run bench:obs-tempo): the app's analyser (src/server/bpm).
 *
 * - Lock time: ffmpeg pushes the BPM e2e's 128 BPM drum loop over RTMP to the stack's real ingress,
 *   BENCH_RUNS times (default 3); from the ingress participant's audio track showing in LiveKit's
 *   participant list ("first audio", polled every 100 ms) to its `bpm` attribute reading 128 +- 0.5.
 * - CPU in Node, per second of audio: (a) the analysis alone, the WAV fed as rtc-node delivers it
 *   (10 ms interleaved stereo 16-bit frames) through the same FrameFeeder, process CPU time
 *   (user + system); (b) a whole subscriber like the app's (rtc-node Room, AudioStream at 48 kHz
 *   stereo) receiving the pushed set for BENCH_SECONDS (default 20) decoding only, then as long
 *   with the analysis: process CPU time per second of audio received, Rust decoding threads
 *   included. Runs in its own process, so the app's other work is not counted.
 */
import { readFileSync } from 'node:fs';
import { AudioStream, type RemoteTrack, Room, RoomEvent, TrackKind } from '@livekit/rtc-node';
import { type ParticipantInfo, RoomServiceClient, TrackType } from 'livekit-server-sdk';
import { decodeWav } from '../src/lib/wav';
import { FrameFeeder } from '../src/server/bpm/obs-feed';
import { parseTempoAttributes } from '../src/types/bpm';
import { channelRoom, ingressIdentity, type TokenResponse } from '../src/types/room';
import type { IngressEndpoint } from '../src/types/ingress';
import { drumLoopWav } from '../tests/support/drums';
import { type Push, pushRtmp } from '../tests/support/obs';
import { createFixture, postJson, signIn } from './support/api';
import { BENCH_DIR, fail, hostLine, requireEnv, runBench, sleep } from './support/env';
import { summarize } from './support/stats';

const TEMPO = 128;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const FRAME = 480;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** (a) The analysis alone: ms of process CPU per second of audio. */
function analysisCpu(file: string): number {
  const wav = decodeWav(readFileSync(file));
  // The loop is the same signal on both channels.
  const left = wav.mono;
  const right = wav.mono;
  const frames: Int16Array[] = [];
  for (let start = 0; start + FRAME <= left.length; start += FRAME) {
    const data = new Int16Array(FRAME * 2);
    for (let i = 0; i < FRAME; i++) {
      data[2 * i] = Math.round((left[start + i] ?? 0) * 32767);
      data[2 * i + 1] = Math.round((right[start + i] ?? 0) * 32767);
    }
    frames.push(data);
  }
  const feeder = new FrameFeeder(wav.sampleRate);
  const loops = 4; // two minutes of audio
  const before = cpuMs();
  for (let l = 0; l < loops; l++) for (const data of frames) feeder.push({ data, channels: 2, samplesPerChannel: FRAME }, Date.now());
  const spent = cpuMs() - before;
  const bpm = feeder.analyzer.estimate.bpm;
  if (Math.abs(bpm - TEMPO) > 0.5) fail(`analysis alone found ${bpm.toFixed(2)} BPM`);
  return spent / feeder.seconds;
}

runBench('obs-tempo', async () => {
  console.log(`[obs-tempo] ${hostLine()}`);
  const wav = drumLoopWav(TEMPO, BENCH_DIR);
  const alone = [analysisCpu(wav), analysisCpu(wav), analysisCpu(wav)].sort((a, b) => a - b)[1] ?? 0;
  console.log(
    `[obs-tempo] analysis alone: ${alone.toFixed(2)} ms CPU per s of audio (${(alone / 10).toFixed(2)}% of a core), median of 3 two-minute runs`,
  );

  const fx = await createFixture('bench-obs-tempo');
  const cookie = await signIn(fx.appUrl, fx.dj);
  const res = await postJson(fx.appUrl, '/api/livekit/ingress', { channelId: fx.channel.id, inputType: 'rtmp' }, cookie);
  if (res.status !== 201) fail(`create RTMP input: HTTP ${res.status} ${await res.text()}`);
  const endpoint = (await res.json()) as IngressEndpoint;
  const me = (await (await fetch(`${fx.appUrl}/api/auth/get-session`, { headers: { cookie } })).json()) as { user: { id: string } };
  const identity = ingressIdentity('rtmp', me.user.id);
  const rooms = new RoomServiceClient(
    requireEnv('LIVEKIT_URL').replace(/^ws/, 'http'),
    requireEnv('LIVEKIT_API_KEY'),
    requireEnv('LIVEKIT_API_SECRET'),
  );
  const ingress = async () =>
    (await rooms.listParticipants(channelRoom(fx.channel.id)).catch(() => [])).find((p) => p.identity === identity);

  const pushing: { push?: Push } = {};
  try {
    const s = summarize(await lockRuns(endpoint, wav, ingress, pushing));
    console.log(`[obs-tempo] lock time: median ${s.median} ms, max ${s.max} ms (${s.count} pushes)`);
    await subscriberCpu(fx.appUrl, fx.channel.id);
  } finally {
    await pushing.push?.stop();
  }
  console.log(`[obs-tempo] ${hostLine()}`);
});

async function until(what: string, ok: () => Promise<boolean>, timeoutMs: number, stepMs = 100) {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) fail(`${what} not within ${timeoutMs} ms`);
    await sleep(stepMs);
  }
}

/**
 * RUNS pushes of the loop: first audio in LiveKit's list -> `bpm` attribute at TEMPO +- 0.5, each.
 * The last push is left running (in `pushing.push`, which the caller stops) for the subscriber figures.
 */
async function lockRuns(
  endpoint: IngressEndpoint,
  wav: string,
  ingress: () => Promise<ParticipantInfo | undefined>,
  pushing: { push?: Push },
): Promise<number[]> {
  const locks: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const push = (pushing.push = pushRtmp(endpoint, { file: wav }));
    await until('first audio', async () => (await ingress())?.tracks.some((t) => t.type === TrackType.AUDIO) ?? false, 30_000);
    const first = Date.now();
    await until(
      `${TEMPO} +- 0.5`,
      async () => Math.abs((parseTempoAttributes((await ingress())?.attributes ?? {})?.bpm ?? 0) - TEMPO) <= 0.5,
      30_000,
    );
    locks.push(Date.now() - first);
    console.log(`[obs-tempo] run ${run}: first audio to ${TEMPO} +- 0.5 in the attributes ${Date.now() - first} ms`);
    if (run < RUNS) {
      await push.stop();
      await until('the OBS participant gone', async () => (await ingress()) === undefined, 30_000, 250);
    }
  }
  return locks;
}

/** (b) A whole subscriber, as the app runs it, on the set that is still being pushed. */
async function subscriberCpu(appUrl: string, channelId: string) {
  const token = (await (await postJson(appUrl, '/api/livekit/token', { channelId, role: 'listener' })).json()) as TokenResponse;
  const room = new Room();
  const phase = { analyse: false, samples: 0 };
  const feeder = new FrameFeeder();
  room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
    if (track.kind !== TrackKind.KIND_AUDIO) return;
    void (async () => {
      const reader = new AudioStream(track, { sampleRate: 48_000, numChannels: 2 }).getReader();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
        if (done || !value) return;
        phase.samples += value.samplesPerChannel;
        if (phase.analyse) feeder.push(value, Date.now());
      }
    })();
  });
  await room.connect(token.serverUrl, token.token, { autoSubscribe: true, dynacast: false });
  await until('audio at the subscriber', async () => phase.samples > 48_000, 15_000);
  const measure = async () => {
    const [cpu0, s0] = [cpuMs(), phase.samples];
    await sleep(SECONDS * 1000);
    return (cpuMs() - cpu0) / ((phase.samples - s0) / 48_000);
  };
  const decodeOnly = await measure();
  phase.analyse = true;
  const withAnalysis = await measure();
  await room.disconnect();
  console.log(
    `[obs-tempo] whole subscriber (rtc-node decode to 48 kHz stereo + analysis): ${withAnalysis.toFixed(2)} ms CPU per s of audio ` +
      `(${(withAnalysis / 10).toFixed(2)}% of a core); decoding only ${decodeOnly.toFixed(2)} ms; analysis found ${feeder.analyzer.estimate.bpm.toFixed(2)} BPM`,
  );
}
