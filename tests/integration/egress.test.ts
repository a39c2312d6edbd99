// HLS egress against the stack's real egress (v1.8.6 build) and MinIO: going on
// air starts an egress whose HLS a listener can fetch and decode, killing the
// egress worker is repaired under the same broadcast with fresh segment names,
// going off air stops it, retention removes an ended broadcast's objects, and
// /api/health reports a frozen egress's stale playlist until supervision repairs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EgressClient, EgressStatus } from 'livekit-server-sdk';
import type { Room } from '@livekit/rtc-node';
import { channelRoom, type TokenResponse } from '@/types/room';
import type { ChannelSummary } from '@/types/channel';
import { AppClient, createChannel, signedInAdmin } from '../support/app-client';
import { analyseSegment, egressJobs, publishTone, segmentUrls } from '../support/hls';
import { joinRoom } from '../support/livekit-peer';
import { stackDb } from '../support/stack-db';
import { livekitHttpUrl, stackEnv } from '../support/stack-env';

const env = stackEnv();
const anon = new AppClient();
let admin: AppClient;
let channel: ChannelSummary;
let room: Room | undefined;
let tone: Awaited<ReturnType<typeof publishTone>> | undefined;
const egress = new EgressClient(livekitHttpUrl(env), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);

function requireStackVar(name: 'S3_PUBLIC_BASE_URL' | 'S3_SECRET_ACCESS_KEY' | 'S3_ACCESS_KEY_ID' | 'STACK_DIR') {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is missing: run through scripts/with-stack.ts, which starts MinIO and egress`);
  return value;
}

/** Where /c/<slug>/live.m3u8 redirects now, or its status when it does not. */
async function stableRedirect(): Promise<string | number> {
  const res = await anon.request('GET', `/c/${channel.slug}/live.m3u8`);
  return res.status === 302 ? (res.headers.get('location') ?? 'no location') : res.status;
}

async function playlist(url: string): Promise<string> {
  const res = await fetch(url, { cache: 'no-store' });
  return res.status === 200 ? res.text() : '';
}

type PlaylistEntry = { slug: string; state: string; ageSeconds: number | null };
type HealthBody = { status: string; hls: PlaylistEntry[] | null; reasons: string[] };

async function health(): Promise<{ code: number; body: HealthBody; mine: PlaylistEntry | undefined }> {
  const res = await anon.request<HealthBody>('GET', '/api/health');
  return { code: res.status, body: res.body, mine: res.body.hls?.find((c) => c.slug === channel.slug) };
}

const egressHandlers = () => egressJobs(requireStackVar('STACK_DIR'));

async function activeEgress(): Promise<string[]> {
  const list = await egress.listEgress({ roomName: channelRoom(channel.id), active: true });
  return list.filter((e) => e.status === EgressStatus.EGRESS_STARTING || e.status === EgressStatus.EGRESS_ACTIVE).map((e) => e.egressId);
}

beforeAll(async () => {
  admin = await signedInAdmin();
  channel = await createChannel(admin, 'hls');
});

afterAll(async () => {
  await tone?.stop().catch(() => undefined);
  await room?.disconnect();
});

describe('HLS egress', () => {
  let firstPlaylist = '';
  let firstSegment = '';

  it('starts when the channel goes on air; the stable URL leads to a live playlist with the tone in it', { timeout: 90_000 }, async () => {
    // Admins may always go live; the token route is the same one the DJ console uses.
    const res = await admin.request<TokenResponse>('POST', '/api/livekit/token', { channelId: channel.id, role: 'dj' });
    expect(res.status).toBe(200);
    room = await joinRoom(res.body);
    tone = await publishTone(room);

    await expect.poll(stableRedirect, { timeout: 45_000, interval: 1000 }).toMatch(/a1-live\.m3u8$/);
    firstPlaylist = String(await stableRedirect());
    const publicBase = requireStackVar('S3_PUBLIC_BASE_URL');
    expect(firstPlaylist.startsWith(`${publicBase}/hls/${channel.id}/`)).toBe(true);
    expect(await activeEgress()).toHaveLength(1);

    // A listener reads storage anonymously: the live window names a1 segments of 2 s.
    let text = '';
    await expect
      .poll(async () => segmentUrls(firstPlaylist, (text = await playlist(firstPlaylist))).length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/#EXT-X-TARGETDURATION:2/);
    const segments = segmentUrls(firstPlaylist, text);
    for (const s of segments) expect(s).toMatch(/\/a1-seg_?\d+\.ts$/);
    firstSegment = segments.at(-1) ?? '';
    const last = await analyseSegment(firstSegment);
    expect(last.toneDb, `1 kHz over neighbours, rms ${last.rms.toFixed(3)}`).toBeGreaterThan(20);

    const summary = (await anon.request<ChannelSummary>('GET', `/api/channels/${channel.slug}`)).body;
    expect(summary.live.hls).toMatchObject({ playlistUrl: firstPlaylist, ready: true });
    // Storage credentials never reach a client.
    const raw = JSON.stringify(summary);
    expect(raw).not.toContain(requireStackVar('S3_SECRET_ACCESS_KEY'));
    expect(raw).not.toContain(requireStackVar('S3_ACCESS_KEY_ID'));
  });

  it(
    'health reports the live playlist fresh, stale while the egress is frozen, and fresh again once repaired',
    { timeout: 150_000 },
    async () => {
      await expect.poll(async () => (await health()).mine?.state, { timeout: 20_000 }).toBe('fresh');
      const ok = await health();
      expect(ok.code).toBe(200);
      expect(ok.mine?.ageSeconds).toBeLessThanOrEqual(10);
      // No storage credentials, bucket or object paths in a public response.
      const raw = JSON.stringify(ok.body);
      for (const secret of [
        requireStackVar('S3_SECRET_ACCESS_KEY'),
        requireStackVar('S3_ACCESS_KEY_ID'),
        requireStackVar('S3_PUBLIC_BASE_URL'),
        channel.id,
      ]) {
        expect(raw).not.toContain(secret);
      }

      // Freeze the egress job (and its Chromium): LiveKit still lists it, but the playlist stops.
      const handlers = egressHandlers();
      expect(handlers).toHaveLength(1);
      const frozen = handlers[0] as number;
      process.kill(-frozen, 'SIGSTOP');
      try {
        const frozenAt = Date.now();
        let failing: Awaited<ReturnType<typeof health>> | undefined;
        await expect
          .poll(async () => (failing = await health()).mine?.state, { timeout: 40_000, interval: 500 })
          .toMatch(/^(stale|missing)$/);
        expect(failing?.code).toBe(503);
        expect(failing?.body.status).toBe('degraded');
        expect(failing?.body.reasons.join('\n')).toContain(`channel "${channel.slug}" is on air but its live playlist`);
        console.info(
          `[health] ${failing?.mine?.state} ${Date.now() - frozenAt} ms after the egress froze: ${failing?.body.reasons.join('; ')}`,
        );

        // Supervision gives up on the stuck egress and starts another: health recovers by itself.
        await expect.poll(async () => (await health()).mine?.state, { timeout: 90_000, interval: 1000 }).toBe('fresh');
        const repaired = await health();
        expect(repaired.code).toBe(200);
        expect(repaired.body.reasons).toEqual([]);
        console.info(`[health] fresh again ${Date.now() - frozenAt} ms after the freeze`);
      } finally {
        process.kill(-frozen, 'SIGCONT');
      }
      // The resumed old job is stopped as an orphan: one job and one egress are left.
      await expect.poll(() => egressHandlers().length, { timeout: 60_000, interval: 1000 }).toBe(1);
      await expect.poll(activeEgress, { timeout: 30_000, interval: 1000 }).toHaveLength(1);
    },
  );

  it('offers an .m3u that points at the stable URL', async () => {
    const res = await fetch(new URL(`/c/${channel.slug}/listen.m3u`, env.APP_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('audio/x-mpegurl');
    const body = await res.text();
    expect(body.split('\n')).toEqual(['#EXTM3U', `#EXTINF:-1,${channel.name}`, `${env.APP_URL}/c/${channel.slug}/live.m3u8`, '']);
  });

  it('restarts a killed egress under the same broadcast without reusing segment names', { timeout: 120_000 }, async () => {
    // The stack's egress service (restarted on exit like compose's restart policy) runs each
    // job as an `egress run-handler` child in its own process group (with Chromium and Xvfb).
    const currentAttempt = async () => Number(/a(\d+)-live\.m3u8$/.exec(String(await stableRedirect()))?.[1] ?? 0);
    const before = await currentAttempt(); // the health test above already repaired one egress
    expect(before).toBeGreaterThan(0);
    const handlers = egressHandlers();
    expect(handlers).toHaveLength(1);
    process.kill(-(handlers[0] as number), 'SIGKILL');

    await expect.poll(currentAttempt, { timeout: 90_000, interval: 1000 }).toBeGreaterThan(before);
    const second = String(await stableRedirect());
    // Same broadcast folder; a later attempt (the next, or more if a start attempt timed out meanwhile).
    const attempt = Number(/a(\d+)-live\.m3u8$/.exec(second)?.[1]);
    expect(attempt).toBeGreaterThan(before);
    expect(second.replace(/a\d+-live\.m3u8$/, '')).toBe(firstPlaylist.replace(/a1-live\.m3u8$/, ''));
    let text = '';
    await expect
      .poll(async () => segmentUrls(second, (text = await playlist(second))).length, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(1);
    for (const s of segmentUrls(second, text)) expect(s).toMatch(new RegExp(`/a${attempt}-seg_?\\d+\\.ts$`));
    expect((await activeEgress()).length).toBe(1);
  });

  it('stops when the channel goes off air', async () => {
    await tone?.stop();
    tone = undefined;
    await expect.poll(stableRedirect, { timeout: 20_000 }).toBe(404);
    await expect.poll(activeEgress, { timeout: 20_000 }).toEqual([]);
  });

  it('removes an ended broadcast from storage once its retention has passed', async () => {
    const db = stackDb();
    try {
      const ended = () => db.broadcast.findFirst({ where: { channelId: channel.id, endedAt: { not: null } } });
      await expect.poll(async () => (await ended()) !== null, { timeout: 15_000 }).toBe(true);
      const row = await ended();
      const segment = firstSegment;
      expect(segment.startsWith(`${requireStackVar('S3_PUBLIC_BASE_URL')}/${row?.storagePath}/`)).toBe(true);
      expect((await fetch(segment)).status).toBe(200);
      // Eight days ago: past the default seven. The supervisor runs every 2 s in the stack.
      await db.broadcast.update({ where: { id: row?.id }, data: { endedAt: new Date(Date.now() - 8 * 86_400_000) } });
      await expect.poll(async () => (await fetch(segment)).status, { timeout: 20_000 }).toBe(404);
      const purgedAt = async () => (await db.broadcast.findUnique({ where: { id: row?.id } }))?.purgedAt ?? null;
      await expect.poll(purgedAt, { timeout: 5_000 }).not.toBeNull();
    } finally {
      await db.$disconnect();
    }
  });
});
