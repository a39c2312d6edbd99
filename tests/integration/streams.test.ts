import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@livekit/rtc-node';
import type { TokenResponse } from '@/types/broadcast';
import type { ChannelState, StationState } from '@/types/channel';
import { AppClient, createChannel, signedInAdmin } from '../support/app-client';
import { joinRoom } from '../support/livekit-peer';
import { openStream } from '../support/sse';
import { stackEnv } from '../support/stack-env';

const env = stackEnv();
const rooms: Room[] = [];
let admin: AppClient;

beforeAll(async () => {
  admin = await signedInAdmin();
});
afterAll(async () => {
  await Promise.all(rooms.map((r) => r.disconnect()));
});

describe('server-sent event streams', () => {
  it('push a channel’s state at once and again when its listener count changes', async () => {
    const channel = await createChannel(admin, 'sse');
    const stream = await openStream<ChannelState>(`/api/channels/${channel.slug}/events`);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await expect.poll(() => stream.states.at(-1)?.channel.live.listeners, { timeout: 5_000 }).toBe(0);

    const token = await new AppClient().request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'listener' });
    rooms.push(await joinRoom(token.body));
    await expect.poll(() => stream.states.at(-1)?.channel.live.listeners, { timeout: 5_000, interval: 100 }).toBe(1);
    expect(stream.states.at(-1)).toMatchObject({ now: null, next: null, extras: {} });
    await stream.close();
  });

  it('404 for an unknown channel; the admin stream is for admins only', async () => {
    expect((await fetch(new URL('/api/channels/no-such-channel/events', env.APP_URL))).status).toBe(404);
    expect((await fetch(new URL('/api/admin/events', env.APP_URL))).status).toBe(401);
    const once = await admin.request<StationState>('GET', '/api/admin/events?once');
    expect(once.status).toBe(200);
    expect(Array.isArray(once.body.channels)).toBe(true);
  });
});
