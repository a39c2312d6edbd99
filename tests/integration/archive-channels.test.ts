// The archive on channels of their own, against the stack's real egress and MinIO: a DJ hides
// and shows a set they played (and may not delete it); a channel with the archive off keeps no
// recording and its HLS is deleted an hour after the set. The main archive flow is in
// archive.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchivedSet } from '@/types/archive';
import { AppClient, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { archivedSets as sets, headStatus as status, livePlaylist, onAir } from '../support/archive';
import { scheduleNow } from '../support/schedule';
import { stackDb } from '../support/stack-db';

let admin: AppClient;
let live: { stop: () => Promise<void> } | undefined;

async function stop(): Promise<void> {
  await live?.stop();
  live = undefined;
}

beforeAll(async () => {
  admin = await signedInAdmin();
});

afterAll(stop);

describe('archive on channels of their own', () => {
  it('lets a DJ hide and show a set they played', { timeout: 150_000 }, async () => {
    const own = await createChannel(admin, 'own');
    const { dj, account } = await createDj(admin, 'DJ Own');
    await scheduleNow(admin, own.id, account.id);
    live = await onAir(own, dj);
    await expect.poll(() => livePlaylist(own.slug), { timeout: 60_000, interval: 1000 }).toMatch(/a1-live\.m3u8$/);
    await new Promise((r) => setTimeout(r, 6_000));
    await stop();
    await expect.poll(async () => (await sets(own.slug)).length, { timeout: 90_000, interval: 1000 }).toBe(1);
    const mine = (await sets(own.slug))[0] as ArchivedSet;
    expect(mine.hosts).toEqual(['DJ Own']);
    const patch = (hidden: boolean) =>
      dj.request<{ hidden: boolean }>('PATCH', `/api/channels/${own.slug}/broadcasts/${mine.id}`, { hidden });
    expect((await patch(true)).body).toEqual({ hidden: true, autoDj: false });
    expect(await sets(own.slug)).toHaveLength(0);
    await expect.poll(() => status(mine.downloadUrl), { timeout: 60_000, interval: 500 }).toBe(404);
    expect((await patch(false)).body).toEqual({ hidden: false, autoDj: false });
    await expect.poll(() => status(mine.downloadUrl), { timeout: 60_000, interval: 500 }).toBe(200);
    // A DJ may not delete, even their own set.
    expect((await dj.request('DELETE', `/api/channels/${own.slug}/broadcasts/${mine.id}`)).status).toBe(403);
  });

  it('keeps no recording on a channel with the archive off, and deletes its HLS an hour after', { timeout: 150_000 }, async () => {
    const off = await createChannel(admin, 'noarch');
    expect((await admin.request('PATCH', `/api/admin/channels/${off.id}`, { archiveEnabled: false })).status).toBe(200);
    live = await onAir(off, admin);
    let playlist = '';
    await expect
      .poll(async () => (playlist = String(await livePlaylist(off.slug))), { timeout: 60_000, interval: 1000 })
      .toMatch(/a1-live\.m3u8$/);
    await new Promise((r) => setTimeout(r, 6_000));
    await stop();
    const db = stackDb();
    try {
      const row = () => db.broadcast.findFirst({ where: { channelId: off.id }, select: { id: true, endedAt: true, archivedAt: true } });
      await expect.poll(async () => (await row())?.endedAt ?? null, { timeout: 30_000 }).not.toBeNull();
      // Past the archive's settle time: nothing is written beside the HLS.
      await new Promise((r) => setTimeout(r, 15_000));
      expect((await row())?.archivedAt).toBeNull();
      expect(await status(playlist.replace(/a1-live\.m3u8$/, 'set.m3u8'))).toBe(404);
      const eventPlaylist = await (await fetch(playlist.replace(/a1-live\.m3u8$/, 'a1.m3u8'))).text();
      const first = eventPlaylist.split('\n').find((l) => l && !l.startsWith('#')) ?? 'none';
      const segment = new URL(first, playlist).toString();
      expect(await status(segment)).toBe(200);
      const ended = await row();
      expect(ended).not.toBeNull();
      await db.broadcast.update({ where: { id: ended?.id ?? '' }, data: { endedAt: new Date(Date.now() - 61 * 60_000) } });
      await expect.poll(() => status(segment), { timeout: 30_000, interval: 1000 }).toBe(404);
    } finally {
      await db.$disconnect();
    }
  });
});
