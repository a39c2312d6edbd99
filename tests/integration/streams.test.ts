import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@livekit/rtc-node';
import type { TokenResponse } from '@/types/broadcast';
import type { ChannelState, StationState } from '@/types/channel';
import { AppClient, createChannel, signedInAdmin } from '../support/app-client';
import { joinRoom } from '../support/livekit-peer';
import { stackEnv } from '../support/stack-env';

const env = stackEnv();
const rooms: Room[] = [];
let admin: AppClient;

/** Reads `event: state` frames from a server-sent events response into `states`. */
async function openStream<T>(path: string, cookie?: string) {
  const controller = new AbortController();
  const res = await fetch(new URL(path, env.APP_URL), { headers: cookie ? { cookie } : {}, signal: controller.signal });
  const states: T[] = [];
  const done = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done: end } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (end) return;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (frame.includes('event: state') && data) states.push(JSON.parse(data.slice(6)) as T);
      }
    }
  })();
  return { res, states, close: async () => (controller.abort(), await done) };
}

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
