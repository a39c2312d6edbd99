import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@livekit/rtc-node';
import type { ChannelSummary } from '@/types/channel';
import { AppClient, createChannel, createDj, roomToken, signedInAdmin } from '../support/app-client';
import { scheduleNow } from '../support/schedule';
import { joinRoom, publishAudio } from '../support/livekit-peer';
import { stackEnv } from '../support/stack-env';
import { postWebhook, signWebhook, trackPublishedBody } from '../support/webhooks';

const env = stackEnv();
const anon = new AppClient();
let admin: AppClient;
let rooms: Room[] = [];

const live = async (slug: string) => (await anon.request<ChannelSummary>('GET', `/api/channels/${slug}`)).body.live;

beforeAll(async () => {
  admin = await signedInAdmin();
});

afterEach(async () => {
  await Promise.all(rooms.map((room) => room.disconnect()));
  rooms = [];
});

describe('webhooks from the real LiveKit server', () => {
  it('track the DJ on air, the listener count, and off air again', async () => {
    const channel = await createChannel(admin, 'hooks');
    const { dj, account } = await createDj(admin, 'DJ Webhook');
    await scheduleNow(admin, channel.id, account.id);
    expect(await live(channel.slug)).toMatchObject({ onAir: false, listeners: 0 });

    const djRoom = await joinRoom(await roomToken(dj, channel.id, 'dj'));
    rooms.push(djRoom);
    const publication = await publishAudio(djRoom);
    await expect.poll(() => live(channel.slug), { timeout: 15_000 }).toMatchObject({ onAir: true, djName: 'DJ Webhook' });
    expect(Date.parse((await live(channel.slug)).since ?? '')).toBeGreaterThan(Date.now() - 60_000);

    const listener = await joinRoom(await roomToken(anon, channel.id, 'listener'));
    rooms.push(listener);
    await expect.poll(async () => (await live(channel.slug)).listeners, { timeout: 15_000 }).toBe(1);

    await djRoom.localParticipant!.unpublishTrack(publication.sid!);
    await expect.poll(() => live(channel.slug), { timeout: 15_000 }).toMatchObject({ onAir: false, djName: null });

    await listener.disconnect();
    await expect.poll(async () => (await live(channel.slug)).listeners, { timeout: 15_000 }).toBe(0);
  });

  it('a DJ whose account is deleted is disconnected and goes off air', async () => {
    const channel = await createChannel(admin, 'hooks-deleted');
    const { dj, account } = await createDj(admin, 'DJ Deleted');
    await scheduleNow(admin, channel.id, account.id);
    const djRoom = await joinRoom(await roomToken(dj, channel.id, 'dj'));
    rooms.push(djRoom);
    let disconnected = false;
    djRoom.on('disconnected', () => (disconnected = true));
    await publishAudio(djRoom);
    await expect.poll(async () => (await live(channel.slug)).onAir, { timeout: 15_000 }).toBe(true);

    expect((await admin.request('DELETE', `/api/admin/accounts/${account.id}`)).status).toBe(204);
    await expect.poll(() => disconnected, { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => (await live(channel.slug)).onAir, { timeout: 15_000 }).toBe(false);
    const again = await dj.request('POST', '/api/livekit/token', { channelId: channel.id, role: 'dj' });
    expect(again.status).toBe(401);
  });

  it('a DJ who disconnects goes off air', async () => {
    const channel = await createChannel(admin, 'hooks-drop');
    const { dj, account } = await createDj(admin, 'DJ Drop');
    await scheduleNow(admin, channel.id, account.id);
    const djRoom = await joinRoom(await roomToken(dj, channel.id, 'dj'));
    await publishAudio(djRoom);
    await expect.poll(async () => (await live(channel.slug)).onAir, { timeout: 15_000 }).toBe(true);
    await djRoom.disconnect();
    await expect.poll(async () => (await live(channel.slug)).onAir, { timeout: 15_000 }).toBe(false);
  });
});

describe('webhook verification', () => {
  it('refuses a missing or forged signature and changes nothing', async () => {
    const channel = await createChannel(admin, 'forged');
    const body = trackPublishedBody(channel.id, randomUUID(), 'Forger');

    const unsigned = await postWebhook(body);
    expect(unsigned.status).toBe(401);
    const forged = await postWebhook(body, await signWebhook(body, env.LIVEKIT_API_KEY, 'x'.repeat(40)));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect((await live(channel.slug)).onAir).toBe(false);
  });

  it('refuses a replay whose body was changed, and applies a genuine one exactly once', async () => {
    const channel = await createChannel(admin, 'replay');
    const eventId = randomUUID();
    const body = trackPublishedBody(channel.id, eventId, 'DJ Genuine');
    const signature = await signWebhook(body, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);

    const tampered = body.replace('DJ Genuine', 'DJ Tampered');
    expect((await postWebhook(tampered, signature)).status).toBe(401);
    expect((await live(channel.slug)).onAir).toBe(false);

    // The results, not a read-back: the reconciler soon takes this DJ (absent from LiveKit) off air.
    const first = await postWebhook(body, signature);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, result: 'applied' });

    const again = await postWebhook(body, signature);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, result: 'duplicate' });
  });
});
