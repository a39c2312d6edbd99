import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@livekit/rtc-node';
import type { TokenResponse } from '@/types/room';
import type { ChannelState, StationState } from '@/types/live';
import { MAX_STREAMS_PER_ADDRESS } from '@/server/channels/hls-listener-registry';
import { AppClient, createChannel, signedInAdmin } from '../support/app-client';
import { addSlot, channelWithDjs, wholeSecondIn } from '../support/schedule';
import { joinRoom } from '../support/livekit-peer';
import { openStream } from '../support/sse';
import { stackEnv } from '../support/stack-env';
import { LOAD_MARGIN } from '../support/timing';

const env = stackEnv();
const rooms: Room[] = [];
/** The product's target: an HLS listener who leaves is off the count within a second; twice that for a loaded machine. */
const LEAVE_TARGET_MS = 1_000;
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

  it(
    'show a slot as next once written, as now from its start to its end, and its edits and deletion at once',
    { timeout: 60_000 },
    async () => {
      const { channel, djs } = await channelWithDjs(admin, 'sse-slots', ['DJ Boundary']);
      const stream = await openStream<ChannelState>(`/api/channels/${channel.slug}/events`);
      const last = () => stream.states.at(-1);
      await expect.poll(() => last()?.next, { timeout: 5_000 }).toBeNull();
      // The product's target for a schedule change on a live page: the streams' next pass, a second.
      const within = { timeout: 1_000 * LOAD_MARGIN + 500, interval: 50 };
      const start = wholeSecondIn(4_000);
      await addSlot(admin, channel.id, [djs[0]!.account.id], start, 3, 'Boundary');
      await expect.poll(() => [last()?.now, last()?.next?.title], within).toEqual([null, 'Boundary']);
      // A boundary is no edit: it must show without one (the streams keep now/next until the next start or end).
      const nowAt = () => stream.times[stream.states.findIndex((st) => st.now?.title === 'Boundary')];
      await expect.poll(nowAt, { timeout: 6_000 + 1_000 * LOAD_MARGIN, interval: 50 }).toBeDefined();
      await expect.poll(() => last()?.now, { timeout: 4_000 + 1_000 * LOAD_MARGIN, interval: 50 }).toBeNull();
      const shownAt = nowAt()! - start.getTime();
      console.info(`[streams] a slot's start reached the page ${shownAt} ms after it`);
      expect(shownAt).toBeLessThan(1_000 * LOAD_MARGIN);

      const later = await addSlot(admin, channel.id, [djs[0]!.account.id], wholeSecondIn(3_600_000), 600, 'Later');
      await expect.poll(() => last()?.next?.title, within).toBe('Later');
      expect((await admin.request('PATCH', `/api/admin/slots/${later.id}`, { title: 'Renamed' })).status).toBe(200);
      await expect.poll(() => last()?.next?.title, within).toBe('Renamed');
      // A host renamed is no schedule edit, but live pages name hosts: it shows at the next pass too.
      expect((await admin.request('PATCH', `/api/admin/accounts/${djs[0]!.account.id}`, { name: 'DJ Renamed' })).status).toBe(200);
      await expect.poll(() => last()?.next?.hosts, within).toEqual(['DJ Renamed']);
      expect((await admin.request('DELETE', `/api/admin/slots/${later.id}`)).status).toBe(204);
      await expect.poll(() => last()?.next, within).toBeNull();
      await stream.close();
    },
  );

  it('404 for an unknown channel; the admin stream is for admins only', async () => {
    expect((await fetch(new URL('/api/channels/no-such-channel/events', env.APP_URL))).status).toBe(404);
    expect((await fetch(new URL('/api/admin/events', env.APP_URL))).status).toBe(401);
    const once = await admin.request<StationState>('GET', '/api/admin/events?once');
    expect(once.status).toBe(200);
    expect(Array.isArray(once.body.channels)).toBe(true);
  });

  it(
    'count HLS listeners by their open ?hls=1 streams, and stop counting them within a second of closing',
    { timeout: 60_000 },
    async () => {
      const channel = await createChannel(admin, 'sse-hls');
      const watcher = await openStream<ChannelState>(`/api/channels/${channel.slug}/events`);
      const listeners = () => watcher.states.at(-1)?.channel.live.listeners;
      await expect.poll(listeners, { timeout: 5_000 }).toBe(0);

      const a = await openStream<ChannelState>(`/api/channels/${channel.slug}/events?hls=1`);
      const b = await openStream<ChannelState>(`/api/channels/${channel.slug}/events?hls=1`);
      expect([a.res.status, b.res.status]).toEqual([200, 200]);
      await expect.poll(listeners, { timeout: 5_000, interval: 50 }).toBe(2);
      // A flagged stream carries the same state, its own count included.
      await expect.poll(() => a.states.at(-1)?.channel.live.listeners, { timeout: 5_000 }).toBe(2);

      const closedAt = Date.now();
      await Promise.all([a.close(), b.close()]);
      await expect.poll(listeners, { timeout: LEAVE_TARGET_MS * LOAD_MARGIN, interval: 50 }).toBe(0);
      console.info(
        `[sse] HLS listener count back to 0 ${Date.now() - closedAt} ms after the streams closed (target ${LEAVE_TARGET_MS} ms)`,
      );
      await watcher.close();
    },
  );

  it('count at most a few HLS streams per client address; more are served but not counted', { timeout: 60_000 }, async () => {
    const channel = await createChannel(admin, 'sse-cap');
    const watcher = await openStream<ChannelState>(`/api/channels/${channel.slug}/events`);
    const listeners = () => watcher.states.at(-1)?.channel.live.listeners;
    // Every request of this test comes from 127.0.0.1: one address.
    const streams = [];
    for (let i = 0; i < MAX_STREAMS_PER_ADDRESS; i++)
      streams.push(await openStream<ChannelState>(`/api/channels/${channel.slug}/events?hls=1`));
    await expect.poll(listeners, { timeout: 5_000, interval: 50 }).toBe(MAX_STREAMS_PER_ADDRESS);

    const extra = await openStream<ChannelState>(`/api/channels/${channel.slug}/events?hls=1`);
    expect(extra.res.status).toBe(200);
    await expect.poll(() => extra.states.length, { timeout: 5_000 }).toBeGreaterThan(0);
    // Refreshes run every second: give it a few, the count must not move.
    const until = Date.now() + 2_500;
    while (Date.now() < until) {
      expect(listeners()).toBe(MAX_STREAMS_PER_ADDRESS);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Closing an uncounted stream changes nothing; closing a counted one frees its place.
    await extra.close();
    await streams[0]?.close();
    await expect.poll(listeners, { timeout: LEAVE_TARGET_MS * LOAD_MARGIN, interval: 50 }).toBe(MAX_STREAMS_PER_ADDRESS - 1);
    await Promise.all(streams.slice(1).map((x) => x.close()));
    await expect.poll(listeners, { timeout: LEAVE_TARGET_MS * LOAD_MARGIN, interval: 50 }).toBe(0);
    await watcher.close();
  });

  it('refuses an unknown stream flag with a clear 400', async () => {
    const channel = await createChannel(admin, 'sse-bad');
    for (const query of ['hls=yes', 'listener=1']) {
      const res = await new AppClient().request<{ error: { code: string; message: string } }>(
        'GET',
        `/api/channels/${channel.slug}/events?${query}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Invalid query/);
    }
  });
});
