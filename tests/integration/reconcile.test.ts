import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@livekit/rtc-node';
import { channelRoom, type TokenResponse } from '@/types/room';
import type { ChannelSummary } from '@/types/channel';
import { AppClient, createChannel, signedInAdmin } from '../support/app-client';
import { joinRoom } from '../support/livekit-peer';
import { stackEnv } from '../support/stack-env';
import { postWebhook, signWebhook, trackPublishedBody } from '../support/webhooks';

// The stack runs the reconciler every 2 s (RECONCILE_INTERVAL_SECONDS in scripts/with-stack.ts).
const env = stackEnv();
const anon = new AppClient();
const rooms: Room[] = [];
let admin: AppClient;

const live = async (slug: string) => (await anon.request<ChannelSummary>('GET', `/api/channels/${slug}`)).body.live;

/** Delivers a signed webhook; its result proves the state changed (reading it back would race the reconciler). */
async function deliver(body: string): Promise<void> {
  const res = await postWebhook(body, await signWebhook(body, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET));
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true, result: 'applied' });
}

beforeAll(async () => {
  admin = await signedInAdmin();
});

afterAll(async () => {
  await Promise.all(rooms.map((room) => room.disconnect()));
});

describe('live state reconciliation against LiveKit', () => {
  it('takes a channel off air when LiveKit has nobody publishing there', async () => {
    const channel = await createChannel(admin, 'stale');
    // As if the DJ's "left" and "unpublished" webhooks were lost while the app was down.
    await deliver(trackPublishedBody(channel.id, randomUUID(), 'DJ Ghost'));
    await expect.poll(async () => (await live(channel.slug)).onAir, { timeout: 15_000 }).toBe(false);
  });

  it('is not pinned on air by a signed webhook dated an hour ahead', async () => {
    const channel = await createChannel(admin, 'future');
    // Signed with the real key, so only its date is wrong (a sender whose clock runs ahead).
    await deliver(trackPublishedBody(channel.id, randomUUID(), 'DJ Tomorrow', Date.now() + 3600_000));
    await expect.poll(async () => (await live(channel.slug)).onAir, { timeout: 15_000 }).toBe(false);
  });

  it('counts a listener again after a lost "joined" or a bogus "left"', async () => {
    const channel = await createChannel(admin, 'recount');
    const res = await anon.request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'listener' });
    const listener = await joinRoom(res.body);
    rooms.push(listener);
    await expect.poll(async () => (await live(channel.slug)).listeners, { timeout: 15_000 }).toBe(1);

    const left = JSON.stringify({
      event: 'participant_left',
      id: randomUUID(),
      createdAt: String(Math.floor(Date.now() / 1000)),
      room: { name: channelRoom(channel.id) },
      participant: { sid: listener.localParticipant!.sid, identity: res.body.identity },
    });
    await deliver(left);
    await expect.poll(async () => (await live(channel.slug)).listeners, { timeout: 15_000 }).toBe(1);
  });
});
