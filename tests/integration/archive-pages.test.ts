// The archive list's paging against the stack's database and pages: 57 archived sets (rows as the
// archive task leaves them; the list reads rows only, no storage is touched) come newest first, 50 a
// page, a stale page number shows the last page, filters page what they kept, bad page numbers are
// 400s, and the HTML page's links keep the filters. Runs on SQLite and on a --postgres stack alike.
import { describe, expect, it } from 'vitest';
import type { ArchiveListResponse } from '@/types/archive';
import { AppClient, createChannel, signedInAdmin } from '../support/app-client';
import { stackDb } from '../support/stack-db';

const anon = new AppClient();

describe('archive pages', () => {
  it('pages a long archive newest first, 50 a page, and its page links keep the filters', async () => {
    const admin = await signedInAdmin();
    const other = await createChannel(admin, 'pages');
    const now = Date.now();
    const db = stackDb();
    try {
      await db.broadcast.createMany({
        data: Array.from({ length: 57 }, (_, i) => ({
          channelId: other.id,
          startedAt: new Date(now - (i + 1) * 3_600_000),
          endedAt: new Date(now - (i + 1) * 3_600_000 + 1_800_000),
          hosts: JSON.stringify([{ identity: `dj-${i % 2}`, name: i % 2 ? 'Odd' : 'Even' }]),
          storagePath: `test/${other.id}/p${i}`,
          showTitle: `Set ${i}`,
          archivedAt: new Date(now),
          archiveSeconds: 1_800,
          archiveBytes: 1_000,
        })),
      });
    } finally {
      await db.$disconnect();
    }
    const list = async (query: string) => {
      const res = await anon.request<ArchiveListResponse>('GET', `/api/channels/${other.slug}/sets${query}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const first = await list('');
    expect(first).toMatchObject({ page: 1, pages: 2, total: 57 });
    expect(first.sets.map((s) => s.title)).toEqual(Array.from({ length: 50 }, (_, i) => `Set ${i}`));
    const second = await list('?page=2');
    expect(second.sets.map((s) => s.title)).toEqual(Array.from({ length: 7 }, (_, i) => `Set ${50 + i}`));
    // A stale link past the end shows the last page; a filter pages what it kept.
    expect(await list('?page=9')).toMatchObject({ page: 2, pages: 2, total: 57 });
    expect(await list('?dj=Odd')).toMatchObject({ page: 1, pages: 1, total: 28 });
    for (const bad of ['?page=0', '?page=1.5', '?page=two']) {
      expect((await anon.request('GET', `/api/channels/${other.slug}/sets${bad}`)).status).toBe(400);
    }

    const html = (await anon.request<string>('GET', `/c/${other.slug}/sets?from=2020-01-01`)).body;
    expect(html).toContain('Page 1 of 2');
    expect(html).toContain(`href="/c/${other.slug}/sets?from=2020-01-01&amp;page=2"`);
    const last = (await anon.request<string>('GET', `/c/${other.slug}/sets?from=2020-01-01&page=2`)).body;
    expect(last).toContain('Page 2 of 2');
    expect(last).toContain(`href="/c/${other.slug}/sets?from=2020-01-01"`);
    expect(last).not.toContain('Older sets');
  });
});
