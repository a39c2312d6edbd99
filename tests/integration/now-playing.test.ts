// Now playing against the real stack: only the DJ on air on the channel (or an admin) sets the show
// title and the current track, through a size-capped, content-type checked, validated JSON API;
// the channel's event stream carries it at once; the set keeps its tracks with times and its peak
// listener count, which the past-sets API serves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '@livekit/rtc-node';
import type { ChannelSummary } from '@/types/channel';
import type { ChannelState } from '@/types/live';
import type { NowPlayingWriteResponse } from '@/types/now-playing';
import type { TokenResponse } from '@/types/room';
import type { BroadcastListResponse, BroadcastTempoResponse } from '@/types/tempo';
import { AppClient, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { joinRoom, publishAudio } from '../support/livekit-peer';
import { listDjs, scheduleNow } from '../support/schedule';
import { openStream } from '../support/sse';
import { stackDb } from '../support/stack-db';
import { LOAD_MARGIN } from '../support/timing';

type ErrorBody = { error: { code: string; message: string } };

let admin: AppClient;
let dj: AppClient;
let otherDj: AppClient;
let otherDjId: string;
let channel: ChannelSummary;
const rooms: Room[] = [];
/** The product's target from a DJ's send to a listener's stream; the test allows twice as much for a loaded machine. */
const NOW_PLAYING_TARGET_MS = 2_000;
let stream: Awaited<ReturnType<typeof openStream<ChannelState>>> | undefined;

const path = () => `/api/channels/${channel.slug}/now-playing`;
const latest = () => stream?.states.at(-1);
const post = (client: AppClient, body: unknown) => client.request<ErrorBody & NowPlayingWriteResponse>('POST', path(), body);

beforeAll(async () => {
  admin = await signedInAdmin();
  channel = await createChannel(admin, 'np');
  const [a, b] = await Promise.all([createDj(admin, 'DJ Playing'), createDj(admin, 'DJ Listed')]);
  dj = a.dj;
  otherDj = b.dj;
  otherDjId = b.account.id;
  await listDjs(admin, channel.id, [a.account.id, b.account.id]);
  await scheduleNow(admin, channel.id, a.account.id);
  stream = await openStream<ChannelState>(`/api/channels/${channel.slug}/events`);
});

afterAll(async () => {
  await stream?.close();
  for (const room of rooms.splice(0)) await room.disconnect();
});

describe('now playing API', () => {
  it('refuses anonymous users, and the channel’s DJ while off air', async () => {
    const anon = await post(new AppClient(), { track: 'x' });
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('unauthorized');
    const off = await post(dj, { track: 'x' });
    expect(off.status, JSON.stringify(off.body)).toBe(403);
    expect(off.body.error.code).toBe('not_on_air');
    expect((await post(admin, { track: 'x' })).status).toBe(409);
    expect((await admin.request('POST', '/api/channels/no-such-one/now-playing', { track: 'x' })).status).toBe(404);
  });

  it('goes on air, then only the DJ on air and admins set it; the stream carries it within ~2 s', { timeout: 60_000 }, async () => {
    const token = await dj.request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'dj' });
    expect(token.status, JSON.stringify(token.body)).toBe(200);
    const room = await joinRoom(token.body);
    rooms.push(room);
    await publishAudio(room);
    await expect.poll(() => latest()?.channel.live.onAir, { timeout: 15_000, interval: 100 }).toBe(true);
    // The slot's title until the DJ sets one; no track yet.
    await expect.poll(() => latest()?.extras.nowPlaying, { timeout: 5_000, interval: 100 }).toEqual({ show: 'Test set', track: null });

    // The set (broadcast) opens with the on-air webhook: answered 409 for the moment before.
    await expect.poll(async () => (await post(dj, { show: 'Warehouse Hours' })).status, { timeout: 10_000, interval: 200 }).toBe(200);
    const sent = Date.now();
    const first = await post(dj, { track: 'Artist A – First' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ showTitle: 'Warehouse Hours', track: { title: 'Artist A – First' } });
    await expect.poll(() => latest()?.extras.nowPlaying?.track?.title, { timeout: 5_000, interval: 50 }).toBe('Artist A – First');
    const elapsed = Date.now() - sent;
    console.log(`now playing POST -> channel stream: ${elapsed} ms (target ${NOW_PLAYING_TARGET_MS} ms)`);
    expect(elapsed).toBeLessThanOrEqual(NOW_PLAYING_TARGET_MS * LOAD_MARGIN);
    expect(latest()?.extras.nowPlaying?.show).toBe('Warehouse Hours');

    const other = await post(otherDj, { track: 'Hijack' });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('not_on_air');
    expect((await post(admin, { track: '  Artist B – Second  ' })).status).toBe(200);
    await expect.poll(() => latest()?.extras.nowPlaying?.track?.title, { timeout: 5_000, interval: 50 }).toBe('Artist B – Second');

    // The last track is the latest start, then the highest id (the streams read it for every set at
    // once): a track at the same start as the last, then one that started earlier, added after it.
    // Taken out again after: the next case reads the set's own two tracks.
    const db = stackDb();
    const titles = ['Same start, added later', 'Earlier start, added last'];
    try {
      const set = await db.broadcast.findFirstOrThrow({ where: { channelId: channel.id, endedAt: null } });
      const last = await db.track.findFirstOrThrow({ where: { broadcastId: set.id }, orderBy: { id: 'desc' } });
      const earlier = new Date(last.startedAt.getTime() - 60_000);
      await db.track.createMany({
        data: [
          { broadcastId: set.id, title: titles[0] ?? '', startedAt: last.startedAt },
          { broadcastId: set.id, title: titles[1] ?? '', startedAt: earlier },
        ],
      });
      await expect.poll(() => latest()?.extras.nowPlaying?.track?.title, { timeout: 5_000, interval: 50 }).toBe(titles[0]);
    } finally {
      await db.track.deleteMany({ where: { title: { in: titles } } });
      await db.$disconnect();
    }
    await expect.poll(() => latest()?.extras.nowPlaying?.track?.title, { timeout: 5_000, interval: 50 }).toBe('Artist B – Second');
  });

  it('shows each channel its own set and last track while several are on air (read together)', { timeout: 60_000 }, async () => {
    // A second channel on air beside the first: the streams read both channels' sets in one pass.
    const second = await createChannel(admin, 'np2');
    await scheduleNow(admin, second.id, otherDjId);
    const secondStream = await openStream<ChannelState>(`/api/channels/${second.slug}/events`);
    try {
      const token = await otherDj.request<TokenResponse>('POST', '/api/livekit/token', { channelId: second.id, role: 'dj' });
      expect(token.status, JSON.stringify(token.body)).toBe(200);
      const room = await joinRoom(token.body);
      rooms.push(room);
      await publishAudio(room);
      const onSecond = (body: unknown) => otherDj.request<ErrorBody>('POST', `/api/channels/${second.slug}/now-playing`, body);
      await expect
        .poll(async () => (await onSecond({ track: 'Second channel – Own track' })).status, { timeout: 15_000, interval: 200 })
        .toBe(200);
      const title = (s: typeof secondStream) => s.states.at(-1)?.extras.nowPlaying?.track?.title;
      await expect.poll(() => title(secondStream), { timeout: 5_000, interval: 50 }).toBe('Second channel – Own track');
      expect(latest()?.extras.nowPlaying?.track?.title).toBe('Artist B – Second');
      expect(await onSecond({ track: 'Second channel – Next' })).toMatchObject({ status: 200 });
      await expect.poll(() => title(secondStream), { timeout: 5_000, interval: 50 }).toBe('Second channel – Next');
      expect(latest()?.extras.nowPlaying?.track?.title).toBe('Artist B – Second');
    } finally {
      await secondStream.close();
    }
  });

  it('checks content type (415), size (413) and the fields (400) in the error envelope', async () => {
    const wrongType = await dj.requestWith<ErrorBody>('POST', path(), JSON.stringify({ track: 'x' }), {
      'content-type': 'text/plain',
      origin: dj.baseUrl,
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error.code).toBe('unsupported_media_type');
    const big = await dj.request<ErrorBody>('POST', path(), undefined, JSON.stringify({ track: 'x'.repeat(5_000) }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    for (const body of [{}, { track: '' }, { track: 'x'.repeat(201) }, { track: 'a\nb' }, { track: 'x', extra: 1 }, { show: 5 }]) {
      const res = await post(dj, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
    expect((await dj.request<ErrorBody>('POST', path(), undefined, '{not json')).status).toBe(400);
    // 200 characters is the cap, not past it.
    expect((await post(dj, { show: 'y'.repeat(200) })).status).toBe(200);
    expect((await post(dj, { show: 'Warehouse Hours' })).status).toBe(200);
  });

  it('keeps the set’s tracks with times and its peak listeners, served with its past set', { timeout: 60_000 }, async () => {
    const listenerToken = await new AppClient().request<TokenResponse>('POST', '/api/livekit/token', {
      channelId: channel.id,
      role: 'listener',
    });
    expect(listenerToken.status).toBe(200);
    rooms.push(await joinRoom(listenerToken.body));
    const sets = () => dj.request<BroadcastListResponse>('GET', `/api/channels/${channel.slug}/broadcasts`);
    await expect
      .poll(async () => (await sets()).body.broadcasts[0]?.peakListeners, { timeout: 15_000, interval: 500 })
      .toBeGreaterThanOrEqual(1);

    for (const room of rooms.splice(0)) await room.disconnect();
    await expect.poll(() => latest()?.channel.live.onAir, { timeout: 15_000, interval: 100 }).toBe(false);
    expect(latest()?.extras.nowPlaying).toBeNull();
    const id = (await sets()).body.broadcasts[0]!.id;
    const url = `/api/channels/${channel.slug}/broadcasts/${id}/tempo`;
    await expect
      .poll(async () => (await dj.request<BroadcastTempoResponse>('GET', url)).body.broadcast.endedAt, { timeout: 15_000 })
      .not.toBeNull();
    const set = (await admin.request<BroadcastTempoResponse>('GET', url)).body;
    expect(set.tracks.map((t) => t.title)).toEqual(['Artist A – First', 'Artist B – Second']);
    const [a, b] = set.tracks.map((t) => Date.parse(t.startedAt));
    expect(a).toBeGreaterThanOrEqual(Date.parse(set.broadcast.startedAt));
    expect(b).toBeGreaterThanOrEqual(a!);
    expect(set.broadcast.peakListeners).toBeGreaterThanOrEqual(1);
    // Ended: nobody can write to it any more.
    expect((await post(dj, { track: 'Too late' })).status).toBe(403);
  });
});
