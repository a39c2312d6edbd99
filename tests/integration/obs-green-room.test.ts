// OBS at a slot start: the input is usable from the green-room time, so OBS (ffmpeg here) is
// already connected when the slot starts; its track is held muted by the server until then and
// unmuted at the start: heard at once, on the same ingress session, with the live state
// following the audio. The outgoing DJ (a browser-like tone publisher) hands over as before.
import { IngressClient, RoomServiceClient, TrackType } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envSchema } from '@/server/env.schema';
import { channelRoom, ingressIdentity } from '@/types/room';
import type { ChannelState } from '@/types/live';
import type { IngressEndpoint, IngressListResponse } from '@/types/ingress';
import { AppClient, roomToken, signedInAdmin } from '../support/app-client';
import { hasExited, type Push, pushRtmp } from '../support/obs';
import { addSlot, channelWithDjs, sleepUntil, wholeSecondIn } from '../support/schedule';
import { openStream } from '../support/sse';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';
import { firstHeard, handoverGap, lastHeard, toneDj, toneListener, type ToneDj, type ToneListener } from '../support/tone';
import { CUT_TARGET_MS, LOAD_MARGIN as CUT_LOAD_MARGIN, OBS_LOAD_MARGIN } from '../support/timing';

const env = stackEnv();
const roomService = new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const ingressApi = new IngressClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const GREEN_ROOM_MS = envSchema.shape.SLOT_GREEN_ROOM_SECONDS.parse(process.env.SLOT_GREEN_ROOM_SECONDS) * 1000;
/** Product targets (docs/obs.md), three times allowed (OBS_LOAD_MARGIN says why); `npm run bench:obs-slot` prints the real figures. */
const HEARD_TARGET_MS = 1_500;
const LIVE_TARGET_MS = 1_000;
const LOAD_MARGIN = OBS_LOAD_MARGIN;
/** OBS needs a few seconds to reach the room (ingress start-up): the slot starts well after the push. */
const LEAD_MS = 22_000;
const OUT_TONE = 600;
const OBS_TONE = 1000; // tests/support/obs.ts pushes a 1 kHz sine

const cleanup: (ToneDj | ToneListener | Push)[] = [];
let admin: AppClient;

beforeAll(async () => {
  admin = await signedInAdmin();
});
afterAll(async () => {
  await Promise.all(cleanup.map((c) => c.stop().catch(() => undefined)));
});

describe('OBS in the green room', () => {
  it('connects before the slot unheard and not live, then is heard from the start without a reconnect', { timeout: 90_000 }, async () => {
    expect(GREEN_ROOM_MS, 'the green room must open before this test pushes').toBeGreaterThan(LEAD_MS);
    const { channel, djs } = await channelWithDjs(admin, 'obs-green', ['DJ Outgoing', 'DJ Green Obs']);
    const [out, obs] = djs as [(typeof djs)[number], (typeof djs)[number]];
    const created = await obs.dj.request<IngressEndpoint>('POST', '/api/livekit/ingress', { channelId: channel.id, inputType: 'rtmp' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.availability).toMatchObject({ state: 'refused', reason: 'no_slot' });
    const identity = ingressIdentity('rtmp', obs.account.id);
    const ingress = async () =>
      (await ingressApi.listIngress({ roomName: channelRoom(channel.id) })).find((i) => i.streamKey === created.body.streamKey);
    const participant = async () =>
      (await roomService.listParticipants(channelRoom(channel.id)).catch(() => [])).find((p) => p.identity === identity);

    const boundary = wholeSecondIn(LEAD_MS).getTime();
    await addSlot(admin, channel.id, [out.account.id], new Date(boundary - 60_000), 60, 'Before');
    await addSlot(admin, channel.id, [obs.account.id], new Date(boundary), 30, 'Green');
    const listener = await toneListener(await roomToken(new AppClient(), channel.id, 'listener'), [OUT_TONE, OBS_TONE]);
    const outDj = await toneDj(await roomToken(out.dj, channel.id, 'dj'), OUT_TONE);
    cleanup.push(listener, outDj);
    await outDj.publish();
    const stream = await openStream<ChannelState>(`/api/channels/${channel.slug}/events`);
    const liveName = (i: number) => (stream.states[i]?.channel.live.onAir ? stream.states[i]?.channel.live.djName : null);

    // The green room: the input is enabled and says so; OBS connects, its audio published but held muted.
    await expect.poll(async () => (await ingress())?.enabled, { timeout: 6_000, interval: 200 }).toBe(true);
    const listed = await obs.dj.request<IngressListResponse>('GET', `/api/livekit/ingress?channelId=${channel.id}`);
    expect(listed.body.endpoints[0]?.availability).toMatchObject({ state: 'green_room', title: 'Green' });
    // With video, as OBS sends it: the video is kept published but muted, so the session lives
    // (refusing it used to race the ingress publishing it, which then gave up after 10 s).
    const push = pushRtmp(created.body, { video: true });
    cleanup.push(push);
    const held = async () => (await participant())?.tracks.find((t) => t.type === TrackType.AUDIO && t.muted) ?? null;
    await expect.poll(held, { timeout: boundary - Date.now() - 1_500, interval: 100 }).not.toBeNull();
    const before = await participant();
    const session = (await ingress())?.state;
    expect(before?.permission?.canPublish, 'held, not revoked').toBe(true);

    await sleepUntil(boundary - 300);
    expect(firstHeard(listener.heard, OBS_TONE), 'nothing of OBS reaches a listener in the green room').toBeNull();
    expect(
      stream.states.some((_, i) => liveName(i) === obs.account.name),
      'the channel never showed the OBS set live early',
    ).toBe(false);
    expect(liveName(stream.states.length - 1)).toBe(out.account.name);

    await sleepUntil(boundary + 4_000);
    const heardAt = firstHeard(listener.heard, OBS_TONE);
    expect(heardAt, 'OBS is heard after the slot start').not.toBeNull();
    const heardAfter = heardAt! - boundary;
    const liveIndex = stream.states.findIndex((_, i) => liveName(i) === obs.account.name);
    expect(liveIndex, 'the channel shows the OBS set live').toBeGreaterThanOrEqual(0);
    const liveAfterAudio = stream.times[liveIndex]! - heardAt!;
    // The cut is the enforcement loop's revoke, not the OBS path, so the browser DJs' margin (run J4,
    // 2026-12-07, beside another stack: 5130 ms). Read once the outgoing DJ has been silent for a second.
    const silent = () => Date.now() - (lastHeard(listener.heard, OUT_TONE) ?? 0);
    const message = 'the outgoing DJ goes silent';
    await expect.poll(silent, { timeout: CUT_TARGET_MS * CUT_LOAD_MARGIN, interval: 100, message }).toBeGreaterThan(1_000);
    const gap = handoverGap(listener.heard, OUT_TONE, OBS_TONE);
    const cut = lastHeard(listener.heard, OUT_TONE)! - boundary;
    console.info(
      `[obs green room] heard ${heardAfter} ms after the boundary; live state ${liveAfterAudio} ms after the first audio; handover gap ${gap} ms; outgoing DJ last heard ${cut} ms after it`,
    );
    expect(heardAfter, 'not before the slot start').toBeGreaterThanOrEqual(0);
    expect(heardAfter).toBeLessThan(HEARD_TARGET_MS * LOAD_MARGIN);
    expect(liveAfterAudio).toBeLessThan(LIVE_TARGET_MS * LOAD_MARGIN);
    expect(gap, 'no gap over 1 s at the handover').toBeLessThan(1_000);
    // Both DJs heard at once: the product's limit is HANDOVER_MAX_OVERLAP_MS, 1 s (src/server/schedule/enforce.ts).
    expect(-(gap ?? 0), 'the two DJs overlap less than 1 s').toBeLessThan(1_000 * CUT_LOAD_MARGIN);
    expect(cut, `the outgoing DJ is cut (target ${CUT_TARGET_MS} ms)`).toBeLessThan(CUT_TARGET_MS * CUT_LOAD_MARGIN);

    // Same session: the same participant, the same ingress run, ffmpeg never disconnected.
    const after = await participant();
    expect(after?.sid).toBe(before?.sid);
    expect(after?.tracks.filter((t) => t.type === TrackType.AUDIO && !t.muted)).toHaveLength(1);
    expect(
      after?.tracks.filter((t) => t.type === TrackType.VIDEO).map((t) => t.muted),
      'its video stays muted on air',
    ).toEqual([true]);
    expect((await ingress())?.state?.startedAt).toBe(session?.startedAt);
    expect(hasExited(push), push.log()).toBe(false);
    await stream.close();
  });
});
