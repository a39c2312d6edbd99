// Sets sent from OBS have no browser console: the server analyses them (src/server/bpm, a task of
// the background loop) and writes the tempo into the ingress participant's attributes, where
// WebRTC listeners read it as they read a console DJ's.
import { type ParticipantInfo, RoomServiceClient, TrackType } from 'livekit-server-sdk';
import type { Room } from '@livekit/rtc-node';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseTempoAttributes } from '@/types/bpm';
import { channelRoom, ingressIdentity, TEMPO_ANALYSER_IDENTITY, type TokenResponse } from '@/types/room';
import type { ChannelSummary } from '@/types/channel';
import type { IngressEndpoint } from '@/types/ingress';
import { AppClient, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { drumLoopWav } from '../support/drums';
import { joinRoom } from '../support/livekit-peer';
import { type Push, pushRtmp } from '../support/obs';
import { scheduleNow } from '../support/schedule';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';

const env = stackEnv();
const roomService = new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const anon = new AppClient();
const TEMPO = 128;
/** The ingress turns a push into a room participant in about 5 s here; allow for a loaded machine. */
const JOIN_TIMEOUT = 25_000;
/**
 * First audio in the room to 128 +- 0.5 in the attributes: join, subscribe, skip 1 s, then two
 * disjoint windows that each need ~1.6 s to a first estimate and a 1 s hold (src/server/bpm/obs-lock-plan.ts),
 * a third when the stream's start was distorted, one write. The product's target is 15 s
 * (docs/testing.md) on a server with CPU to spare. Here it is four times that, not the usual two:
 * `make test` runs three stacks on two cores, and an app starved of CPU receives the ingress's audio
 * stretched and concealed for long stretches, windows that the lock rightly refuses (obs-lock-plan.ts).
 * Fresh-clone runs, 2026-12-06/07: 10.3-13.3 s in most, then 18.4, 19.1, 19.2, 28.4 and 36.3 s.
 * A wrong tempo fails the test (below); only a late one is allowed for.
 */
const TEMPO_TARGET_MS = 15_000;
const TEMPO_WITHIN_MS = TEMPO_TARGET_MS * 4;

let channel: ChannelSummary;
let endpoint: IngressEndpoint;
let djId: string;
let push: Push | undefined;
let listener: Room | undefined;

const participants = async (): Promise<ParticipantInfo[]> => roomService.listParticipants(channelRoom(channel.id)).catch(() => []);
const live = async () => (await anon.request<ChannelSummary>('GET', `/api/channels/${channel.slug}`)).body.live;

beforeAll(async () => {
  const admin = await signedInAdmin();
  channel = await createChannel(admin, 'obs-tempo');
  const made = await createDj(admin, 'DJ Obs Tempo');
  djId = made.account.id;
  await scheduleNow(admin, channel.id, djId);
  const res = await made.dj.request<IngressEndpoint>('POST', '/api/livekit/ingress', { channelId: channel.id, inputType: 'rtmp' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  endpoint = res.body;
});

// After each try, so a retry starts without the first try's push and listener (run K, 2026-12-05:
// the retry read the first try's listener and failed on that alone).
afterEach(async () => {
  await push?.stop();
  await listener?.disconnect();
  push = undefined;
  listener = undefined;
});

describe('server-side tempo of an OBS set', () => {
  it('writes 128 BPM into the ingress participant, is no listener, and leaves when the push ends', { timeout: 240_000 }, async () => {
    const identity = ingressIdentity('rtmp', djId);
    const started = Date.now();
    push = pushRtmp(endpoint, { file: drumLoopWav(TEMPO) });

    // First audio: the ingress participant's audio track is in the room.
    await expect
      .poll(async () => (await participants()).find((p) => p.identity === identity)?.tracks.some((t) => t.type === TrackType.AUDIO), {
        timeout: JOIN_TIMEOUT,
        interval: 100,
      })
      .toBe(true);
    const firstAudio = Date.now();

    const seen: string[] = [];
    const values: number[] = [];
    let analysers = 0;
    await expect
      .poll(
        async () => {
          const all = await participants();
          analysers = Math.max(analysers, all.filter((p) => p.identity === TEMPO_ANALYSER_IDENTITY).length);
          const tempo = parseTempoAttributes(all.find((p) => p.identity === identity)?.attributes ?? {});
          seen.push(`${Date.now() - firstAudio}ms:${tempo?.bpm ?? '-'}`);
          if (tempo?.bpm) values.push(tempo.bpm);
          return Math.abs((tempo?.bpm ?? 0) - TEMPO);
        },
        { timeout: TEMPO_WITHIN_MS, interval: 100 },
      )
      .toBeLessThanOrEqual(0.5)
      .finally(() => console.info(`[obs tempo] attributes after first audio: ${seen.join(' ')}`));
    const locked = Date.now();
    // The start of an ingress stream is distorted: no early, wrong tempo may reach listeners.
    expect(
      values.filter((b) => Math.abs(b - TEMPO) > TEMPO * 0.02),
      'tempos published before the lock',
    ).toEqual([]);
    console.info(
      `[obs tempo] push start to first audio ${firstAudio - started} ms; first audio to ${TEMPO} +- 0.5 in the attributes ${locked - firstAudio} ms`,
    );

    // The analyser: hidden, subscribed to the OBS audio only, publishing nothing, one per channel.
    const all = await participants();
    const analyser = all.find((p) => p.identity === TEMPO_ANALYSER_IDENTITY);
    expect(analyser, 'the analyser is in the room').toBeDefined();
    expect(analyser?.tracks).toEqual([]);
    expect(analyser?.permission).toMatchObject({ hidden: true, canPublish: false, canPublishData: false, canSubscribe: true });
    expect(analysers).toBe(1);
    const tempo = parseTempoAttributes(all.find((p) => p.identity === identity)?.attributes ?? {});
    // Published with the BPM (throttled to its changes): at least the analyser's "beat" threshold.
    expect(tempo?.confidence ?? 0).toBeGreaterThanOrEqual(0.12);
    // The beat anchor is a recent wall-clock time on the 128 BPM grid's scale.
    expect(Math.abs((tempo?.beatAt ?? 0) - Date.now())).toBeLessThan(10_000);

    // The channel is on air under the DJ, and the analyser counts as no listener; a real one does.
    expect(await live()).toMatchObject({ onAir: true, djName: 'DJ Obs Tempo', listeners: 0 });
    const token = await anon.request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'listener' });
    listener = await joinRoom(token.body);
    await expect.poll(async () => (await live()).listeners, { timeout: 15_000 }).toBe(1);
    // A WebRTC listener sees the tempo on the live participant, as for a console DJ.
    await expect
      .poll(
        () =>
          [...(listener?.remoteParticipants.values() ?? [])]
            .map((p) => parseTempoAttributes(p.attributes)?.bpm ?? null)
            .find((b) => b !== null) ?? 0,
        { timeout: 5_000 },
      )
      .toBeCloseTo(TEMPO, 0);
    // The value holds while the set runs.
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 1_000));
      const now = parseTempoAttributes((await participants()).find((p) => p.identity === identity)?.attributes ?? {});
      expect(Math.abs((now?.bpm ?? 0) - TEMPO)).toBeLessThanOrEqual(0.5);
    }

    // A value the analyser did not write (here the test's) is replaced with its own at the next estimate
    // from whole audio: a locked analyser publishes nothing while the last 3 s arrived reshaped, which
    // under make test's load lasted over 5 s (run F2, 2026-12-07), so the lock's allowance applies.
    await roomService.updateParticipant(channelRoom(channel.id), identity, { attributes: { bpm: '99.0' } });
    const strayAt = Date.now();
    await expect
      .poll(
        async () =>
          Math.abs((parseTempoAttributes((await participants()).find((p) => p.identity === identity)?.attributes ?? {})?.bpm ?? 0) - TEMPO),
        { timeout: TEMPO_WITHIN_MS, interval: 100 },
      )
      .toBeLessThanOrEqual(0.5);
    console.info(`[obs tempo] a stray value replaced after ${Date.now() - strayAt} ms`);

    // The push ends: the ingress leaves, and the analyser with it.
    await push.stop();
    const stopped = Date.now();
    await expect
      .poll(async () => (await participants()).some((p) => p.identity === identity), { timeout: 20_000, interval: 200 })
      .toBe(false);
    await expect
      .poll(async () => (await participants()).some((p) => p.identity === TEMPO_ANALYSER_IDENTITY), { timeout: 10_000, interval: 200 })
      .toBe(false);
    console.info(`[obs tempo] push stopped to analyser gone ${Date.now() - stopped} ms`);
    // The listener stays counted once the set is over. Polled: in run K (2026-12-05) one read taken
    // while the reconciler repaired the channel after the ingress left said 0 (closing note).
    await expect.poll(async () => (await live()).listeners, { timeout: 10_000 }).toBe(1);
  });
});
