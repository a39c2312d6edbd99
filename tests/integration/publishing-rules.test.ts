import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { TokenResponse } from '@/types/room';
import type { AccountListResponse } from '@/types/account';
import type { ChannelSummary } from '@/types/channel';
import { AppClient, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { joinRoom, publishAudio, publishVideo } from '../support/livekit-peer';
import { scheduleNow } from '../support/schedule';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';
import { postWebhook, signWebhook } from '../support/webhooks';

const env = stackEnv();
const livekit = new RoomServiceClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const anon = new AppClient();
let admin: AppClient;
let rooms: Room[] = [];

const live = async (slug: string) => (await anon.request<ChannelSummary>('GET', `/api/channels/${slug}`)).body.live;

async function token(client: AppClient, channelId: string, role: 'dj' | 'listener') {
  return client.request<TokenResponse>('POST', '/api/livekit/token', { channelId, role });
}

async function join(client: AppClient, channelId: string): Promise<{ room: Room; token: TokenResponse }> {
  const res = await token(client, channelId, 'dj');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const room = await joinRoom(res.body);
  rooms.push(room);
  return { room, token: res.body };
}

async function deliver(event: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify(event);
  const res = await postWebhook(body, await signWebhook(body, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET));
  expect(res.status).toBe(200);
}

/** What LiveKit itself says about a participant: may it publish, and what does it publish. */
async function publishing(t: TokenResponse) {
  const p = await livekit.getParticipant(t.room, t.identity);
  return { canPublish: p.permission?.canPublish ?? false, tracks: p.tracks.length };
}

beforeAll(async () => {
  admin = await signedInAdmin();
});

afterEach(async () => {
  await Promise.all(rooms.map((room) => room.disconnect()));
  rooms = [];
});

describe('publishing rules, enforced by the server through LiveKit', () => {
  it('mutes a video track labelled as the microphone and revokes its publisher', async () => {
    const channel = await createChannel(admin, 'video');
    const { dj, account } = await createDj(admin, 'DJ Camera');
    await scheduleNow(admin, channel.id, account.id);
    const { room, token: t } = await join(dj, channel.id);
    // LiveKit accepts it: the grant allows the microphone source, and the label says microphone.
    await publishVideo(room);
    await expect.poll(() => publishing(t), { timeout: 15_000 }).toEqual({ canPublish: false, tracks: 0 });
    expect((await live(channel.slug)).onAir).toBe(false);
  });

  it('shows the name the admin gave the account, whatever the DJ calls themselves', async () => {
    const channel = await createChannel(admin, 'names');
    const { dj, account } = await createDj(admin, 'DJ Real');
    await scheduleNow(admin, channel.id, account.id);
    const { room, token: t } = await join(dj, channel.id);
    const publication = await publishAudio(room);
    await expect.poll(() => live(channel.slug), { timeout: 15_000 }).toMatchObject({ onAir: true, djName: 'DJ Real' });
    const since = (await live(channel.slug)).since;

    // canUpdateOwnMetadata (kept for BPM attributes) also lets a DJ rename their participant.
    await room.localParticipant!.updateName('DJ Impostor');
    await expect.poll(async () => (await livekit.getParticipant(t.room, t.identity)).name).toBe('DJ Impostor');
    // As if the app had missed the set: the reconciler puts it back on air from LiveKit's list.
    await deliver({
      event: 'track_unpublished',
      id: `EV_${randomUUID()}`,
      createdAt: String(Math.floor(Date.now() / 1000)),
      room: { name: t.room },
      participant: { sid: room.localParticipant!.sid, identity: t.identity },
      track: { sid: publication.sid, type: 'AUDIO' },
    });
    await expect.poll(async () => (await live(channel.slug)).since, { timeout: 15_000 }).not.toBe(since);
    await expect.poll(() => live(channel.slug), { timeout: 15_000 }).toMatchObject({ onAir: true });
    expect((await live(channel.slug)).djName).toBe('DJ Real');

    const rename = await dj.request('POST', '/api/auth/update-user', { name: 'DJ Impostor' });
    expect(rename.status).toBe(403);
    const email = await dj.request('POST', '/api/auth/change-email', { newEmail: 'impostor@test.local' });
    expect(email.status).toBe(403);
    const accounts = await admin.request<AccountListResponse>('GET', '/api/admin/accounts');
    expect(accounts.body.accounts.find((a) => a.id === account.id)).toMatchObject({ name: 'DJ Real', email: account.email });
  });

  it('gives publish rights only to the slot’s host while they are on air (admins always), and keeps the video publisher off', async () => {
    const channel = await createChannel(admin, 'one-dj');
    const first = await createDj(admin, 'DJ First');
    const second = await createDj(admin, 'DJ Second');
    await scheduleNow(admin, channel.id, first.account.id);
    const { room } = await join(first.dj, channel.id);
    await publishAudio(room);
    await expect.poll(() => live(channel.slug), { timeout: 15_000 }).toMatchObject({ onAir: true, djName: 'DJ First' });

    // The slot rules replace "one DJ at a time": another DJ has no slot now, so no token at all.
    const refused = await token(second.dj, channel.id, 'dj');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'outside_slot' } });
    expect((await token(admin, channel.id, 'dj')).status).toBe(200);
    expect(await live(channel.slug)).toMatchObject({ onAir: true, djName: 'DJ First' });
  });
});
