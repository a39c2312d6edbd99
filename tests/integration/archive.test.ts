// The archive (listen again) against the stack's real egress and MinIO: a set with an egress
// restart in the middle ends and becomes one VOD playlist (both attempts, a discontinuity,
// ENDLIST) and an .m4a beside it; both decode in ffmpeg to the set's recorded length, with the
// tone in them; the public page, API, search and podcast feed list it (enclosures answer 200
// audio/mp4 with their length); hiding takes it out of all of them and moves its objects so the
// old public links stop answering; deleting removes it. A DJ's own set and a channel with the
// archive off are in archive-channels.test.ts. Rows are read and aged through
// tests/support/stack-db.ts and the backup goes through `npm run backup` / `restore`, so the file
// passes on SQLite and on a --postgres stack alike.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchivedSet } from '@/types/archive';
import type { ChannelSummary } from '@/types/channel';
import { testDatabases } from '../../scripts/db/pg-test-db';
import { AppClient, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { archivedSets as sets, decodedSeconds, headStatus as status, livePlaylist, onAir, stackVar, storedBytes } from '../support/archive';
import { analyseSegment, egressJobs } from '../support/hls';
import { npmRun } from '../support/npm-run';
import { stackDb } from '../support/stack-db';
import { stackEnv } from '../support/stack-env';

const env = stackEnv();
const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');
const databases = testDatabases('radio_archive_restore');
const anon = new AppClient();
let admin: AppClient;
let channel: ChannelSummary;
let live: { stop: () => Promise<void> } | undefined;
let set: ArchivedSet;
let firstSegmentUrl = '';

beforeAll(async () => {
  admin = await signedInAdmin();
  channel = await createChannel(admin, 'arch');
});

afterAll(async () => {
  await live?.stop();
  await databases.dropAll();
});

describe('archive', () => {
  it('finishes a set with an egress restart into one VOD playlist and an .m4a', { timeout: 240_000 }, async () => {
    live = await onAir(channel, admin);
    await expect.poll(() => livePlaylist(channel.slug), { timeout: 60_000, interval: 1000 }).toMatch(/a1-live\.m3u8$/);
    await new Promise((r) => setTimeout(r, 8_000));
    // Kill the egress job: supervision restarts it under the same set as attempt 2 (or later).
    const jobs = egressJobs(stackVar('STACK_DIR'));
    expect(jobs).toHaveLength(1);
    process.kill(-(jobs[0] as number), 'SIGKILL');
    await expect.poll(() => livePlaylist(channel.slug), { timeout: 90_000, interval: 1000 }).toMatch(/a([2-9]|\d\d+)-live\.m3u8$/);
    await new Promise((r) => setTimeout(r, 10_000));
    await live?.stop();
    live = undefined;

    const endedAt = Date.now();
    await expect.poll(async () => (await sets(channel.slug)).length, { timeout: 90_000, interval: 1000 }).toBe(1);
    set = (await sets(channel.slug))[0] as ArchivedSet;
    console.info(`[archive] set listed ${Date.now() - endedAt} ms after it ended; ${set.seconds} s, ${set.bytes} bytes`);

    // Served by storage, not by the app.
    const base = stackVar('S3_PUBLIC_BASE_URL');
    expect(set.playlistUrl.startsWith(`${base}/`)).toBe(true);
    expect(set.downloadUrl.startsWith(`${base}/`)).toBe(true);

    const text = await (await fetch(set.playlistUrl)).text();
    expect(text).toMatch(/#EXT-X-PLAYLIST-TYPE:VOD/);
    expect(text.trim().endsWith('#EXT-X-ENDLIST')).toBe(true);
    expect(text).toMatch(/#EXT-X-DISCONTINUITY\n/);
    const uris = text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(uris[0]).toMatch(/^a1-seg/);
    firstSegmentUrl = new URL(uris[0] ?? '', set.playlistUrl).toString();
    expect(uris.at(-1)).not.toMatch(/^a1-seg/);

    // Both play from start to end, to the stored length (within 2 s).
    const vodSeconds = decodedSeconds(set.playlistUrl);
    const m4aSeconds = decodedSeconds(set.downloadUrl);
    console.info(`[archive] VOD ${vodSeconds.toFixed(2)} s, .m4a ${m4aSeconds.toFixed(2)} s, stored ${set.seconds} s`);
    expect(Math.abs(vodSeconds - set.seconds)).toBeLessThan(2);
    expect(Math.abs(m4aSeconds - set.seconds)).toBeLessThan(2);
    expect(set.seconds).toBeGreaterThan(15);
    const wall = (Date.parse(set.endedAt) - Date.parse(set.startedAt)) / 1000;
    console.info(`[archive] set on air ${wall.toFixed(1)} s, recorded ${set.seconds} s (egress start and restart gaps)`);
    expect(set.seconds).toBeLessThanOrEqual(wall + 2);

    // Storage per recorded hour: the HLS segments, and the .m4a kept beside them.
    const bytes = await storedBytes(set.playlistUrl.replace(/set\.m3u8$/, ''));
    const perHour = (n: number) => ((n / set.seconds) * 3600) / 1_048_576;
    console.info(
      `[archive] storage per recorded hour: HLS segments ${perHour(bytes.segments).toFixed(1)} MiB, .m4a ${perHour(bytes.m4a).toFixed(1)} MiB ` +
        `(.m4a = ${((bytes.m4a / bytes.segments) * 100).toFixed(0)} % of the segments)`,
    );
    expect(bytes.m4a).toBe(set.bytes);

    const heard = await analyseSegment(set.downloadUrl);
    expect(heard.toneDb, 'the 1 kHz tone in the .m4a').toBeGreaterThan(20);
    const head = await fetch(set.downloadUrl, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('audio/mp4');
    expect(Number(head.headers.get('content-length'))).toBe(set.bytes);
  });

  it('lists the set on the public pages and finds it by DJ, day and tempo', async () => {
    const page = await anon.request<string>('GET', `/c/${channel.slug}/sets`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`/c/${channel.slug}/sets/${set.id}`);
    expect((await anon.request('GET', `/c/${channel.slug}/sets/${set.id}`)).status).toBe(200);

    const dj = set.hosts[0] ?? '';
    expect(await sets(channel.slug, `?dj=${encodeURIComponent(dj)}`)).toHaveLength(1);
    expect(await sets(channel.slug, '?dj=Nobody')).toHaveLength(0);
    const day = set.startedAt.slice(0, 10); // the test channel keeps UTC
    expect(await sets(channel.slug, `?from=${day}&to=${day}`)).toHaveLength(1);
    expect(await sets(channel.slug, '?to=2020-01-01')).toHaveLength(0);
    // A tone has no beat: give the set a tempo as a curve's median would.
    const db = stackDb();
    try {
      await db.broadcast.update({ where: { id: set.id }, data: { tempoMedian: 125.5 } });
    } finally {
      await db.$disconnect();
    }
    expect(await sets(channel.slug, '?minBpm=122&maxBpm=128')).toHaveLength(1);
    expect(await sets(channel.slug, '?minBpm=128&maxBpm=122')).toHaveLength(1);
    expect(await sets(channel.slug, '?minBpm=130')).toHaveLength(0);
    expect((await anon.request('GET', `/api/channels/${channel.slug}/sets?minBpm=fast`)).status).toBe(400);
  });

  it('offers a podcast feed with the iTunes tags and enclosures that resolve', async () => {
    const res = await fetch(new URL(`/c/${channel.slug}/podcast.xml`, env.APP_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/rss+xml');
    const xml = await res.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0" xmlns:itunes="http:\/\/www.itunes.com\/dtds\/podcast-1.0.dtd"/,
    );
    const head = xml.split('<item>')[0] ?? '';
    for (const tag of [
      /<title>[^<]+<\/title>/,
      /<description>[^<]+<\/description>/,
      /<language>en<\/language>/,
      /<itunes:explicit>false</,
    ]) {
      expect(head).toMatch(tag);
    }
    const image = /<itunes:image href="([^"]+)"/.exec(head)?.[1] ?? '';
    expect(/<itunes:category text="[^"]+"/.test(head)).toBe(true);
    const cover = await fetch(image);
    expect(cover.status).toBe(200);
    expect(cover.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await cover.arrayBuffer());
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1400, 1400]);

    const items = xml.split('<item>').slice(1);
    expect(items).toHaveLength(1);
    for (const item of items) {
      expect(item).toMatch(/<title>[^<]+<\/title>/);
      expect(item).toMatch(/<guid isPermaLink="false">[^<]+<\/guid>/);
      const [, url, length, type] = /<enclosure url="([^"]+)" length="(\d+)" type="([^"]+)"\/>/.exec(item) ?? [];
      expect(type).toBe('audio/mp4');
      const enclosure = await fetch(url ?? '', { method: 'HEAD' });
      expect(enclosure.status).toBe(200);
      expect(enclosure.headers.get('content-type')).toBe('audio/mp4');
      expect(enclosure.headers.get('content-length')).toBe(length);
    }
  });

  it('keeps an archived set in a backup: restored, its row names the recording, still in storage', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-backup-'));
    try {
      const backup = await npmRun(['backup', '--', '--out', path.join(dir, 'backups')], process.env.DATABASE_URL ?? '');
      expect(backup.status, backup.out).toBe(0);
      const [file] = readdirSync(path.join(dir, 'backups'));
      expect(file, backup.out).toMatch(postgres ? /\.dump$/ : /\.db$/);
      const fresh = postgres ? await databases.create() : `file:${path.join(dir, 'restored', 'radio.db')}`;
      const restore = await npmRun(['restore', '--', path.join(dir, 'backups', file ?? '')], fresh);
      expect(restore.status, restore.out).toBe(0);
      const copy = stackDb(fresh);
      try {
        const row = await copy.broadcast.findUnique({
          where: { id: set.id },
          select: { archivedAt: true, archiveBytes: true, storagePath: true },
        });
        expect(row?.archivedAt).not.toBeNull();
        expect(row?.archiveBytes).toBe(set.bytes);
        expect(set.downloadUrl).toContain(`/${row?.storagePath}/set.m4a`);
      } finally {
        await copy.$disconnect();
      }
      expect(await status(set.downloadUrl)).toBe(200);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hides a set from page, feed and search, and its old public links stop working', { timeout: 120_000 }, async () => {
    // Another DJ may not hide a set they did not play.
    const { dj } = await createDj(admin, 'DJ Elsewhere');
    expect((await dj.request('PATCH', `/api/channels/${channel.slug}/broadcasts/${set.id}`, { hidden: true })).status).toBe(403);
    expect((await anon.request('PATCH', `/api/channels/${channel.slug}/broadcasts/${set.id}`, { hidden: true })).status).toBe(401);

    const hiddenAt = Date.now();
    const res = await admin.request('PATCH', `/api/channels/${channel.slug}/broadcasts/${set.id}`, { hidden: true });
    expect(res.status).toBe(200);
    expect(await sets(channel.slug)).toHaveLength(0);
    expect((await anon.request('GET', `/c/${channel.slug}/sets/${set.id}`)).status).toBe(404);
    expect(await (await fetch(new URL(`/c/${channel.slug}/podcast.xml`, env.APP_URL))).text()).not.toContain(set.id);
    await expect.poll(() => status(set.playlistUrl), { timeout: 60_000, interval: 500 }).toBe(404);
    await expect.poll(() => status(set.downloadUrl), { timeout: 60_000, interval: 500 }).toBe(404);
    await expect.poll(() => status(firstSegmentUrl), { timeout: 60_000, interval: 500 }).toBe(404);
    console.info(`[archive] hidden set's links answer 404 ${Date.now() - hiddenAt} ms after the hide`);

    // Shown again: back at the same public URLs.
    expect((await admin.request('PATCH', `/api/channels/${channel.slug}/broadcasts/${set.id}`, { hidden: false })).status).toBe(200);
    await expect.poll(() => status(set.downloadUrl), { timeout: 60_000, interval: 500 }).toBe(200);
    expect(await sets(channel.slug)).toHaveLength(1);
  });

  it('deletes a set (admins only) with its objects', { timeout: 90_000 }, async () => {
    const { dj } = await createDj(admin, 'DJ Delete');
    expect((await dj.request('DELETE', `/api/channels/${channel.slug}/broadcasts/${set.id}`)).status).toBe(403);
    expect((await admin.request('DELETE', `/api/channels/${channel.slug}/broadcasts/${set.id}`)).status).toBe(204);
    expect(await sets(channel.slug)).toHaveLength(0);
    await expect.poll(() => status(set.downloadUrl), { timeout: 60_000, interval: 500 }).toBe(404);
    const db = stackDb();
    try {
      await expect.poll(() => db.broadcast.findUnique({ where: { id: set.id } }), { timeout: 30_000 }).toBeNull();
    } finally {
      await db.$disconnect();
    }
  });
});
