// AutoDJ's replay reaches HLS listeners too, on the stack's real LiveKit, egress and MinIO: while a
// replay plays, the channel's stable /c/<slug>/live.m3u8 leads to a live playlist of the replay's
// own HLS (a replay HLS record, not a set), its segments carry the replay's tone, and the live
// update stream carries the set's stored tempo; it runs on from one replayed set to the next. A DJ
// taking over ends that HLS and starts their own set's; AutoDJ turned off ends it too; an hour after
// it ended its objects and record are deleted; a channel deleted mid-replay has it stopped and closed.
import { EgressClient, EgressStatus } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelSummary } from '@/types/channel';
import type { ChannelState } from '@/types/live';
import { channelRoom, type TokenResponse } from '@/types/room';
import { AppClient, createChannel, signedInAdmin } from '../support/app-client';
import { SEEDED_PREFIX, seedArchivedSet, storedObjects } from '../support/autodj';
import { analyseSegment, segmentUrls } from '../support/hls';
import { openStream } from '../support/sse';
import { stackDb } from '../support/stack-db';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';
import { toneDj, type ToneDj } from '../support/tone';

const REPLAY_TONE = 440;
const SET_SECONDS = 12;
const DJ_TONE = 1000;

let admin: AppClient;
let channel: ChannelSummary;
let dj: ToneDj | undefined;
let stream: Awaited<ReturnType<typeof openStream<ChannelState>>> | undefined;
const anon = new AppClient();
let database: ReturnType<typeof stackDb> | undefined;
const db = () => (database ??= stackDb());

/** Where /c/<slug>/live.m3u8 redirects now, or its status when it does not. */
async function stableRedirect(): Promise<string | number> {
  const res = await anon.request('GET', `/c/${channel.slug}/live.m3u8`);
  return res.status === 302 ? (res.headers.get('location') ?? 'no location') : res.status;
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { cache: 'no-store' });
  return res.status === 200 ? res.text() : `HTTP ${res.status}`;
}

const replayRows = () => db().replayHls.findMany({ where: { channelId: channel.id }, orderBy: { startedAt: 'asc' } });
const openSets = () => db().broadcast.count({ where: { channelId: channel.id, storagePath: { not: { startsWith: SEEDED_PREFIX } } } });

/** The room's egress LiveKit has not finished: starting, active or ending (still writing its last segments). */
async function unfinishedEgress() {
  const env = stackEnv();
  const client = new EgressClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
  return client.listEgress({ roomName: channelRoom(channel.id), active: true });
}

async function activeEgress(): Promise<string[]> {
  const list = await unfinishedEgress();
  return list.filter((e) => e.status === EgressStatus.EGRESS_STARTING || e.status === EgressStatus.EGRESS_ACTIVE).map((e) => e.egressId);
}

beforeAll(async () => {
  admin = await signedInAdmin();
  channel = await createChannel(admin, 'autodj-hls');
  // The archive off, so the DJ's set below does not join the rotation.
  const res = await admin.request('PATCH', `/api/admin/channels/${channel.id}`, { autoDjEnabled: true, archiveEnabled: false });
  expect(res.status).toBe(200);
  stream = await openStream<ChannelState>(`/api/channels/${channel.slug}/events`);
});

afterAll(async () => {
  await dj?.stop().catch(() => undefined);
  await stream?.close();
  await database?.$disconnect();
  await admin?.request('PATCH', `/api/admin/channels/${channel.id}`, { autoDjEnabled: false });
});

describe("AutoDJ's replay on HLS", () => {
  it('has its own live HLS with the tone, and its stored tempo on the live update stream', { timeout: 90_000 }, async () => {
    // Short, so the replay goes from one set to the next (the same set again) within the test.
    await seedArchivedSet(channel.id, REPLAY_TONE, SET_SECONDS, [{ fromS: 0, bpm: 124 }]);
    await expect.poll(stableRedirect, { timeout: 45_000, interval: 1000 }).toMatch(/\/replay[0-9a-f]{32}\/a1-live\.m3u8$/);
    const url = String(await stableRedirect());
    expect(url.startsWith(`${process.env.S3_PUBLIC_BASE_URL}/hls/${channel.id}/replay`)).toBe(true);
    await expect.poll(async () => segmentUrls(url, await fetchText(url)).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    // The window's segments (one may fall in the short break between two replays of the set).
    const segments = await Promise.all(segmentUrls(url, await fetchText(url)).map((u) => analyseSegment(u, REPLAY_TONE)));
    const best = Math.max(...segments.map((x) => x.toneDb));
    expect(best, `440 Hz over neighbours in the live window (rms ${segments.map((x) => x.rms.toFixed(3)).join(', ')})`).toBeGreaterThan(20);

    const [row] = await replayRows();
    expect(row).toMatchObject({ endedAt: null, attempt: 1 });
    expect(await activeEgress()).toEqual([row?.egressId]);
    expect(await openSets(), 'a replay opens no set').toBe(0);
    const summary = (await anon.request<ChannelSummary>('GET', `/api/channels/${channel.slug}`)).body.live;
    expect(summary).toMatchObject({ onAir: false, replay: { djName: 'DJ Seed' }, hls: { playlistUrl: url, ready: true } });
    // HLS listeners and the home page read the tempo from the stream, not from the room.
    await expect
      .poll(() => stream!.states.some((s) => s.channel.live.replay !== null && s.extras.tempo?.bpm === 124), { timeout: 10_000 })
      .toBe(true);

    // From one replay to the next, the same HLS goes on (no new egress, no new address for players).
    const session = async () => (await db().channel.findUniqueOrThrow({ where: { id: channel.id } })).replaySessionId;
    const first = await session();
    await expect.poll(async () => [null, first].includes(await session()), { timeout: 30_000, message: 'the next replay' }).toBe(false);
    expect(await replayRows()).toEqual([expect.objectContaining({ id: row?.id, endedAt: null, egressId: row?.egressId })]);
    expect(await stableRedirect()).toBe(url);
  });

  it("ends when a DJ takes over (the DJ's set gets its own), and again when AutoDJ is turned off", { timeout: 90_000 }, async () => {
    const [replay] = await replayRows();
    const res = await admin.request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'dj' });
    dj = await toneDj(res.body, DJ_TONE);
    await dj.publish();
    await expect.poll(async () => (await replayRows())[0]?.endedAt ?? null, { timeout: 15_000 }).not.toBeNull();
    await expect.poll(openSets, { timeout: 15_000, message: "the DJ's set opens" }).toBe(1);
    await expect.poll(activeEgress, { timeout: 20_000, message: "only the DJ's egress runs" }).not.toContain(replay?.egressId);
    await expect.poll(stableRedirect, { timeout: 45_000, interval: 1000 }).not.toMatch(/\/replay/);

    await dj.stop();
    dj = undefined;
    await expect.poll(async () => (await replayRows()).filter((r) => r.endedAt === null && r.egressId).length, { timeout: 20_000 }).toBe(1);
    const off = await admin.request('PATCH', `/api/admin/channels/${channel.id}`, { autoDjEnabled: false });
    expect(off.status).toBe(200);
    await expect.poll(async () => (await replayRows()).every((r) => r.endedAt !== null), { timeout: 15_000 }).toBe(true);
    await expect.poll(stableRedirect, { timeout: 15_000 }).toBe(404);
  });

  it('is deleted an hour after it ended, objects and record', { timeout: 60_000 }, async () => {
    const rows = await replayRows();
    expect(rows.length).toBe(2);
    expect(await storedObjects(rows[0]!.storagePath)).toBeGreaterThan(0);
    // An hour after the end every egress has long written its last segment and playlist; just after it, the
    // last replay's may still be ending (run H2, 2026-12-07: two objects written after the purge).
    await expect.poll(async () => (await unfinishedEgress()).length, { timeout: 30_000, message: 'the egress have finished' }).toBe(0);
    // An hour ago as far as retention can tell: the archive task's next pass removes them.
    await db().replayHls.updateMany({ where: { channelId: channel.id }, data: { endedAt: new Date(Date.now() - 61 * 60_000) } });
    await expect.poll(async () => (await replayRows()).length, { timeout: 45_000 }).toBe(0);
    for (const r of rows) expect(await storedObjects(r.storagePath), r.storagePath).toBe(0);
  });

  it('of a channel deleted mid-replay is stopped and closed', { timeout: 60_000 }, async () => {
    expect((await admin.request('PATCH', `/api/admin/channels/${channel.id}`, { autoDjEnabled: true })).status).toBe(200);
    await expect
      .poll(async () => (await replayRows()).find((r) => r.endedAt === null && r.egressId)?.egressId, { timeout: 30_000 })
      .toBeTruthy();
    const [open] = await replayRows();
    expect((await admin.request('DELETE', `/api/admin/channels/${channel.id}`)).status).toBe(204);
    await expect.poll(async () => (await replayRows())[0]?.endedAt ?? null, { timeout: 30_000 }).not.toBeNull();
    await expect.poll(activeEgress, { timeout: 20_000 }).not.toContain(open?.egressId);
  });
});
