// An OBS input is governed by the slot schedule like the browser console: outside the
// DJ's slot and its green room a push is refused, from the green room on it connects
// (held silent until the start: tests/integration/obs-green-room.test.ts), inside the slot
// it is on air, and at the slot end the server cuts it whether or not OBS keeps sending.
import { IngressClient, RoomServiceClient, TrackType } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelRoom, ingressIdentity } from '@/types/room';
import type { ChannelSummary } from '@/types/channel';
import type { IngressEndpoint } from '@/types/ingress';
import { type AppClient, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { hasExited, type Push, pushRtmp } from '../support/obs';
import { addSlot, listDjs, wholeSecondIn } from '../support/schedule';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';

const env = stackEnv();
const roomService = new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const ingressApi = new IngressClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const pushes: Push[] = [];
const JOIN_TIMEOUT = 25_000;

let admin: AppClient;
let dj: AppClient;
let djId: string;
let channel: ChannelSummary;
let endpoint: IngressEndpoint;

const audioOf = async (identity: string) =>
  ((await roomService.listParticipants(channelRoom(channel.id)).catch(() => [])).find((p) => p.identity === identity)?.tracks ?? []).filter(
    (t) => t.type === TrackType.AUDIO,
  ).length;
const enabled = async () =>
  (await ingressApi.listIngress({ roomName: channelRoom(channel.id) })).find((i) => i.streamKey === endpoint.streamKey)?.enabled;
const push = () => {
  const p = pushRtmp(endpoint);
  pushes.push(p);
  return p;
};

beforeAll(async () => {
  admin = await signedInAdmin();
  channel = await createChannel(admin, 'obs-slot');
  const made = await createDj(admin, 'DJ Scheduled Obs');
  dj = made.dj;
  djId = made.account.id;
  await listDjs(admin, channel.id, [djId]);
  const res = await dj.request<IngressEndpoint>('POST', '/api/livekit/ingress', { channelId: channel.id, inputType: 'rtmp' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  endpoint = res.body;
});

afterAll(async () => {
  await Promise.all(pushes.map((p) => p.stop()));
});

describe('OBS inputs under the slot schedule', () => {
  it('refuses a push outside the slot, puts it on air inside, and cuts it at the slot end', async () => {
    const identity = ingressIdentity('rtmp', djId);
    expect(await enabled()).toBe(false);
    const early = push();
    await expect.poll(() => hasExited(early), { timeout: JOIN_TIMEOUT }).toBe(true);
    expect(await audioOf(identity)).toBe(0);

    const start = wholeSecondIn(3_000);
    const seconds = 14;
    await addSlot(admin, channel.id, [djId], start, seconds);
    // Enabled from the green room (SLOT_GREEN_ROOM_SECONDS before the start), so already before it.
    await expect.poll(enabled, { timeout: 10_000, interval: 250 }).toBe(true);

    const onAir = push();
    await expect.poll(() => audioOf(identity), { timeout: JOIN_TIMEOUT, interval: 250 }).toBe(1);
    const end = start.getTime() + seconds * 1000;
    expect(Date.now(), 'the push reached the room before its slot ended').toBeLessThan(end);

    await expect.poll(() => audioOf(identity), { timeout: end - Date.now() + 5_000, interval: 200 }).toBe(0);
    const cutAfterMs = Date.now() - end;
    console.info(`[obs slot] OBS audio gone ${cutAfterMs} ms after the slot end`);
    expect(cutAfterMs, 'not cut before the slot ended').toBeGreaterThan(-250);
    expect(cutAfterMs).toBeLessThan(5_000);
    await expect.poll(enabled, { timeout: 10_000 }).toBe(false);
    await expect.poll(() => hasExited(onAir), { timeout: 15_000 }).toBe(true);
  });
});
