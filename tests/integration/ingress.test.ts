import { IngressClient, type ParticipantInfo, RoomServiceClient, TrackSource, TrackType } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelRoom, ingressIdentity } from '@/types/room';
import type { ChannelSummary } from '@/types/channel';
import type { IngressEndpoint, IngressListResponse } from '@/types/ingress';
import { AppClient, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { rotateKey } from '../support/actions';
import { scheduleNow } from '../support/schedule';
import { hasExited, type Push, pushRtmp } from '../support/obs';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';

// Real livekit-server + livekit-ingress (scripts/with-stack.ts), ffmpeg as OBS.
const env = stackEnv();
const roomService = new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const ingressApi = new IngressClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const anon = new AppClient();
const pushes: Push[] = [];
/** The ingress turns a push into a room participant in about 5 s here; allow for a loaded machine. */
const JOIN_TIMEOUT = 25_000;

let admin: AppClient;
let channelA: ChannelSummary;
let channelB: ChannelSummary;
let dj: AppClient;
let djId: string;

async function participants(channelId: string): Promise<ParticipantInfo[]> {
  return roomService.listParticipants(channelRoom(channelId)).catch(() => []);
}
const publisher = async (channelId: string, identity: string) => (await participants(channelId)).find((p) => p.identity === identity);
const audioTracks = (p: ParticipantInfo | undefined) => (p?.tracks ?? []).filter((t) => t.type === TrackType.AUDIO);

function push(endpoint: Pick<IngressEndpoint, 'serverUrl' | 'streamKey'>, video = false): Push {
  const p = pushRtmp(endpoint, { video });
  pushes.push(p);
  return p;
}

async function create(client: AppClient, channelId: string, inputType: 'rtmp' | 'whip' = 'rtmp') {
  return client.request<IngressEndpoint>('POST', '/api/livekit/ingress', { channelId, inputType });
}

beforeAll(async () => {
  admin = await signedInAdmin();
  channelA = await createChannel(admin, 'obs-a');
  channelB = await createChannel(admin, 'obs-b');
  const made = await createDj(admin, 'DJ Obs');
  dj = made.dj;
  djId = made.account.id;
  // OBS inputs follow the slot rules: the DJ holds a slot on both channels, so only the key decides where a push lands.
  await scheduleNow(admin, channelA.id, djId);
  await scheduleNow(admin, channelB.id, djId);
});

afterAll(async () => {
  await Promise.all(pushes.map((p) => p.stop()));
});

describe('OBS inputs through the API and the real ingress', () => {
  let endpoint: IngressEndpoint;

  it('creates one RTMP input per channel and DJ, bound to the channel room and an ingress identity', async () => {
    const first = await create(dj, channelA.id);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    endpoint = first.body;
    expect(endpoint.serverUrl).toMatch(/^rtmp:\/\/127\.0\.0\.1:\d+\/x$/);
    expect(endpoint.streamKey.length).toBeGreaterThanOrEqual(12);
    expect(endpoint).toMatchObject({ channelId: channelA.id, inputType: 'rtmp', status: 'idle', enabled: true });

    const again = await create(dj, channelA.id);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(endpoint.id);
    expect(again.body.streamKey).toBe(endpoint.streamKey);

    const [info] = (await ingressApi.listIngress({ roomName: channelRoom(channelA.id) })).filter((i) => i.streamKey === endpoint.streamKey);
    expect(info?.participantIdentity).toBe(ingressIdentity('rtmp', djId));
    expect(info?.participantName).toBe('DJ Obs');
    const audio = info?.audio?.encodingOptions;
    expect(audio?.case).toBe('options');
    expect(audio?.value).toMatchObject({ disableDtx: true, channels: 2 });
    expect(audio?.case === 'options' ? audio.value.bitrate : 0).toBeGreaterThanOrEqual(128_000);
  });

  it('shows the key only to its DJ (and admins), never to listeners or other DJs', async () => {
    const mine = await dj.request<IngressListResponse>('GET', `/api/livekit/ingress?channelId=${channelA.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.endpoints.map((e) => e.streamKey)).toEqual([endpoint.streamKey]);
    expect(mine.headers.get('cache-control')).toContain('no-store');

    expect((await anon.request('GET', `/api/livekit/ingress?channelId=${channelA.id}`)).status).toBe(401);
    const other = (await createDj(admin, 'DJ Other')).dj;
    const theirs = await other.request<IngressListResponse>('GET', `/api/livekit/ingress?channelId=${channelA.id}`);
    expect(theirs.body.endpoints).toEqual([]);
    expect((await other.request('GET', `/api/livekit/ingress?channelId=${channelA.id}&userId=${djId}`)).status).toBe(403);
    expect((await other.request('POST', `/api/livekit/ingress/${endpoint.id}/rotate`, {})).status).toBe(404);
    expect((await other.request('DELETE', `/api/livekit/ingress/${endpoint.id}`)).status).toBe(404);
    const asAdmin = await admin.request<IngressListResponse>('GET', `/api/livekit/ingress?channelId=${channelA.id}&userId=${djId}`);
    expect(asAdmin.body.endpoints[0]?.streamKey).toBe(endpoint.streamKey);

    for (const path of ['/api/channels', `/api/channels/${channelA.slug}`, '/']) {
      const res = await anon.request<unknown>('GET', path);
      expect(JSON.stringify(res.body)).not.toContain(endpoint.streamKey);
    }
  });

  it('refuses bad input with the error envelope', async () => {
    for (const body of [
      { channelId: channelA.id, inputType: 'srt' },
      { channelId: channelA.id },
      { channelId: channelA.id, inputType: 'rtmp', roomName: 'x' },
    ]) {
      const res = await dj.request<{ error: { code: string } }>('POST', '/api/livekit/ingress', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    expect((await create(dj, 'no-such-channel')).status).toBe(404);
    expect((await create(anon, channelA.id)).status).toBe(401);
  });

  it('an RTMP push goes on air in its own channel under the ingress identity and the DJ’s name, never in another', async () => {
    const identity = ingressIdentity('rtmp', djId);
    const p = push(endpoint, true);
    await expect.poll(async () => audioTracks(await publisher(channelA.id, identity)).length, { timeout: JOIN_TIMEOUT }).toBe(1);
    const info = await publisher(channelA.id, identity);
    expect(info?.name).toBe('DJ Obs');
    expect(audioTracks(info)[0]?.source).toBe(TrackSource.MICROPHONE);
    // OBS's video stays published as the camera, muted by the guard: nothing of it is forwarded, and
    // the ingress session lives on. The guard acts on LiveKit's webhook, which can reach the app
    // after the track shows (seen at load average 20+).
    await expect
      .poll(async () => (await publisher(channelA.id, identity))?.permission?.canPublishSources, { timeout: 10_000 })
      .toEqual([TrackSource.MICROPHONE, TrackSource.CAMERA]);
    const video = async () => (await publisher(channelA.id, identity))?.tracks.filter((t) => t.type === TrackType.VIDEO) ?? [];
    await expect
      .poll(async () => (await video()).map((t) => [t.source, t.muted]), { timeout: 10_000 })
      .toEqual([[TrackSource.CAMERA, true]]);

    const live = async () => (await anon.request<ChannelSummary>('GET', `/api/channels/${channelA.slug}`)).body.live;
    await expect.poll(async () => (await live()).onAir, { timeout: 10_000 }).toBe(true);
    expect((await live()).djName).toBe('DJ Obs');
    expect(await participants(channelB.id)).toEqual([]);
    // Ingress v1.5.0 gave up a session ~10 s after LiveKit refused its video: this one stays.
    const since = Date.now();
    await expect.poll(() => hasExited(p) || Date.now() - since > 12_000, { timeout: 20_000, interval: 500 }).toBe(true);
    expect(hasExited(p)).toBe(false);
    expect(audioTracks(await publisher(channelA.id, identity))).toHaveLength(1);
  });

  it('rotating the key ends the running push at once and refuses the old key', async () => {
    const identity = ingressIdentity('rtmp', djId);
    const old = endpoint;
    const running = pushes.at(-1) as Push;
    const rotated = await rotateKey(dj, old);
    expect(rotated.id).toBe(old.id);
    expect(rotated.streamKey).not.toBe(old.streamKey);
    endpoint = rotated;

    await expect.poll(async () => audioTracks(await publisher(channelA.id, identity)).length, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => hasExited(running), { timeout: 15_000 }).toBe(true);

    const retry = push(old);
    await expect.poll(() => hasExited(retry), { timeout: JOIN_TIMEOUT }).toBe(true);
    expect(await publisher(channelA.id, identity)).toBeUndefined();

    const fresh = push(endpoint);
    await expect.poll(async () => audioTracks(await publisher(channelA.id, identity)).length, { timeout: JOIN_TIMEOUT }).toBe(1);
    await fresh.stop();
  });

  it('a key for channel A never publishes into channel B', async () => {
    const onB = await create(dj, channelB.id);
    expect(onB.status).toBe(201);
    expect(onB.body.streamKey).not.toBe(endpoint.streamKey);
    const p = push(endpoint);
    const identity = ingressIdentity('rtmp', djId);
    await expect.poll(async () => audioTracks(await publisher(channelA.id, identity)).length, { timeout: JOIN_TIMEOUT }).toBe(1);
    expect(await participants(channelB.id)).toEqual([]);
    await p.stop();
  });

  it('deleting the input ends its key', async () => {
    const identity = ingressIdentity('rtmp', djId);
    await expect.poll(async () => (await publisher(channelA.id, identity)) === undefined, { timeout: 15_000 }).toBe(true);
    const del = await dj.request('DELETE', `/api/livekit/ingress/${endpoint.id}`);
    // 204: gone in LiveKit too; 202: the input is gone here, the loop deletes LiveKit's ingress.
    expect([202, 204]).toContain(del.status);
    const gone = async () =>
      !(await ingressApi.listIngress({ roomName: channelRoom(channelA.id) })).some((i) => i.streamKey === endpoint.streamKey);
    await expect.poll(gone, { timeout: 10_000 }).toBe(true);
    const refused = push(endpoint);
    await expect.poll(() => hasExited(refused), { timeout: JOIN_TIMEOUT }).toBe(true);
    expect(await publisher(channelA.id, identity)).toBeUndefined();
    expect((await dj.request<IngressListResponse>('GET', `/api/livekit/ingress?channelId=${channelA.id}`)).body.endpoints).toEqual([]);
  });

  it('an input LiveKit lost (its Redis was reset) comes back with a new, working key', async () => {
    const made = await create(dj, channelA.id, 'whip');
    expect(made.status).toBe(201);
    const [info] = (await ingressApi.listIngress({ roomName: channelRoom(channelA.id) })).filter(
      (i) => i.streamKey === made.body.streamKey,
    );
    await ingressApi.deleteIngress(info?.ingressId ?? '');
    const list = await dj.request<IngressListResponse>('GET', `/api/livekit/ingress?channelId=${channelA.id}`);
    expect(list.status).toBe(200);
    const back = list.body.endpoints.find((e) => e.inputType === 'whip');
    expect(back?.id).toBe(made.body.id);
    expect(back?.streamKey).not.toBe(made.body.streamKey);
    const now = await ingressApi.listIngress({ roomName: channelRoom(channelA.id) });
    expect(now.find((i) => i.streamKey === back?.streamKey)?.participantIdentity).toBe(ingressIdentity('whip', djId));
    expect([202, 204]).toContain((await dj.request('DELETE', `/api/livekit/ingress/${made.body.id}`)).status);
  });

  it('deleting a DJ account ends their OBS stream and key', async () => {
    const made = await createDj(admin, 'DJ Leaving');
    const channelC = await createChannel(admin, 'obs-c');
    await scheduleNow(admin, channelC.id, made.account.id);
    const created = await create(made.dj, channelC.id);
    const identity = ingressIdentity('rtmp', made.account.id);
    const p = push(created.body);
    await expect.poll(async () => audioTracks(await publisher(channelC.id, identity)).length, { timeout: JOIN_TIMEOUT }).toBe(1);
    expect((await admin.request('DELETE', `/api/admin/accounts/${made.account.id}`)).status).toBe(204);
    await expect.poll(async () => (await publisher(channelC.id, identity)) === undefined, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => hasExited(p), { timeout: 15_000 }).toBe(true);
    // The push can end (its participant removed) before the loop has deleted the ingress itself.
    const keyKnown = async () =>
      (await ingressApi.listIngress({ roomName: channelRoom(channelC.id) })).some((i) => i.streamKey === created.body.streamKey);
    await expect.poll(keyKnown, { timeout: 15_000 }).toBe(false);
  });
});
