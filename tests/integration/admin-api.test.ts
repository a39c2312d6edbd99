import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountListResponse } from '@/types/account';
import type { ApiErrorBody } from '@/types/api';
import type { AdminChannel, ChannelListResponse, ChannelSummary } from '@/types/channel';
import { AppClient, createChannel, createDj, signedInAdmin, uniqueSlug } from '../support/app-client';
import { stackDb } from '../support/stack-db';
import { stackEnv } from '../support/stack-env';

let admin: AppClient;
let dj: AppClient;
const anon = new AppClient();

beforeAll(async () => {
  admin = await signedInAdmin();
  ({ dj } = await createDj(admin, 'DJ Admin Tests'));
});

describe('channels admin API', () => {
  it('creates, lists, updates and deletes a channel', async () => {
    const slug = uniqueSlug('crud');
    const created = await admin.request<ChannelSummary>('POST', '/api/admin/channels', {
      name: 'Night Shift',
      slug,
      description: 'Deep cuts after dark',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug, name: 'Night Shift', live: { onAir: false, listeners: 0 } });

    const list = await anon.request<ChannelListResponse>('GET', `/api/channels?q=${slug}`);
    expect(list.body.channels.map((c) => c.slug)).toEqual([slug]);

    const updated = await admin.request<ChannelSummary>('PATCH', `/api/admin/channels/${created.body.id}`, {
      name: 'Late Shift',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Late Shift', slug });

    expect((await admin.request('DELETE', `/api/admin/channels/${created.body.id}`)).status).toBe(204);
    expect((await anon.request('GET', `/api/channels/${slug}`)).status).toBe(404);
    expect((await admin.request('DELETE', `/api/admin/channels/${created.body.id}`)).status).toBe(404);
  });

  it('lists channels a page at a time, with a search by name or slug', async () => {
    const tag = uniqueSlug('page');
    // 26 channels sharing a search word: more than one page of 24, whatever else the stack holds.
    for (let i = 0; i < 26; i++) {
      const res = await admin.request('POST', '/api/admin/channels', { name: `Paged ${tag} ${i}`, slug: `${tag}-${i}` });
      expect(res.status).toBe(201);
    }
    const first = await anon.request<ChannelListResponse>('GET', `/api/channels?q=${tag}`);
    expect(first.body).toMatchObject({ page: 1, pageCount: 2, total: 26, onAir: 0, q: tag });
    expect(first.body.channels).toHaveLength(24);
    const second = await anon.request<ChannelListResponse>('GET', `/api/channels?q=${tag}&page=2`);
    expect(second.body.channels).toHaveLength(2);
    const seen = new Set([...first.body.channels, ...second.body.channels].map((c) => c.slug));
    expect(seen.size).toBe(26);
    // The home page's pager: plain links that keep the search.
    const firstPage = (await anon.request<string>('GET', `/?q=${tag}`)).body;
    expect(firstPage).toContain('Page 1 of 2');
    expect(firstPage).toContain(`href="/?q=${tag}&amp;page=2"`);
    const lastPage = (await anon.request<string>('GET', `/?q=${tag}&page=2`)).body;
    expect(lastPage).toContain('Page 2 of 2');
    expect(lastPage).toContain(`href="/?q=${tag}"`);
    expect(lastPage).not.toContain('>Next<');
    const one = await anon.request<ChannelListResponse>('GET', `/api/channels?q=${encodeURIComponent(`PAGED ${tag}-7`)}`);
    expect(one.body.channels.map((c) => c.slug)).toEqual([`${tag}-7`]);

    for (const bad of ['page=0', 'page=abc', `q=${'x'.repeat(81)}`]) {
      const res = await anon.request<ApiErrorBody>('GET', `/api/channels?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('bad_request');
    }
  });

  it('lists a station of 1,200 channels (more than SQLite takes parameters in one statement)', async () => {
    const tag = uniqueSlug('many');
    const db = stackDb();
    try {
      // Rows straight in: 1,200 API calls would take minutes; the list reads rows and counts alike.
      await db.channel.createMany({ data: Array.from({ length: 1_200 }, (_, i) => ({ name: `Many ${tag} ${i}`, slug: `${tag}-${i}` })) });
      const list = await anon.request<ChannelListResponse>('GET', `/api/channels?q=${tag}`);
      expect(list.status, JSON.stringify(list.body).slice(0, 300)).toBe(200);
      expect(list.body).toMatchObject({ page: 1, total: 1_200 });
    } finally {
      await db.channel.deleteMany({ where: { slug: { startsWith: `${tag}-` } } });
      await db.$disconnect();
    }
  });

  it('rejects bad input with 400 and a duplicate slug with 409, losing nothing', async () => {
    const existing = await createChannel(admin, 'dup');
    const bad = await admin.request<ApiErrorBody>('POST', '/api/admin/channels', { name: '', slug: 'Bad Slug!' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect(bad.body.error.message).toMatch(/slug/i);

    const dup = await admin.request<ApiErrorBody>('POST', '/api/admin/channels', { name: 'Other', slug: existing.slug });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('conflict');
    const still = await anon.request<ChannelSummary>('GET', `/api/channels/${existing.slug}`);
    expect(still.body.name).toBe(existing.name);
  });

  it("keeps a channel's HLS retention within bounds; null goes back to the station default", async () => {
    const slug = uniqueSlug('retention');
    const created = await admin.request<AdminChannel>('POST', '/api/admin/channels', { name: 'Archive', slug, hlsRetentionDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body.hlsRetentionDays).toBe(30);
    for (const bad of [0, 3651, 2.5, '14', -1]) {
      const res = await admin.request<ApiErrorBody>('PATCH', `/api/admin/channels/${created.body.id}`, { hlsRetentionDays: bad });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'Invalid request body: hlsRetentionDays: HLS retention must be a whole number of days from 1 to 3650, or empty for the station default',
      );
    }
    const cleared = await admin.request<AdminChannel>('PATCH', `/api/admin/channels/${created.body.id}`, { hlsRetentionDays: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ slug, name: 'Archive', hlsRetentionDays: null });
    // A setting for the admin console, not for the public API.
    expect((await anon.request<ChannelSummary>('GET', `/api/channels/${slug}`)).body).not.toHaveProperty('hlsRetentionDays');
  });

  it('401 when signed out, 403 for a DJ', async () => {
    const body = { name: 'X', slug: uniqueSlug('auth') };
    expect((await anon.request('POST', '/api/admin/channels', body)).status).toBe(401);
    const forbidden = await dj.request<ApiErrorBody>('POST', '/api/admin/channels', body);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    expect((await dj.request('GET', '/api/admin/accounts')).status).toBe(403);
  });
});

describe('accounts admin API', () => {
  it('lists accounts without secrets and refuses a duplicate email', async () => {
    const list = await admin.request<AccountListResponse>('GET', '/api/admin/accounts');
    expect(list.status).toBe(200);
    const me = list.body.accounts.find((a) => a.email === stackEnv().TEST_ADMIN_EMAIL);
    expect(me?.role).toBe('admin');
    expect(JSON.stringify(list.body)).not.toMatch(/password/i);

    const dup = await admin.request<ApiErrorBody>('POST', '/api/admin/accounts', {
      name: 'Again',
      email: stackEnv().TEST_ADMIN_EMAIL,
      password: 'long-enough-password',
    });
    expect(dup.status).toBe(409);
  });

  it('rejects weak passwords and will not let an admin delete themselves', async () => {
    const weak = await admin.request<ApiErrorBody>('POST', '/api/admin/accounts', {
      name: 'Weak',
      email: `${uniqueSlug('weak')}@test.local`,
      password: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toMatch(/10 characters/);
    const list = await admin.request<AccountListResponse>('GET', '/api/admin/accounts');
    const me = list.body.accounts.find((a) => a.email === stackEnv().TEST_ADMIN_EMAIL);
    expect((await admin.request('DELETE', `/api/admin/accounts/${me?.id}`)).status).toBe(400);
  });
});

describe('setup and health', () => {
  it('setup refuses once an admin exists', async () => {
    const res = await anon.request<ApiErrorBody>('POST', '/api/setup', {
      name: 'Intruder',
      email: 'intruder@test.local',
      password: 'long-enough-password',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });

  it('health reports the database and LiveKit up', async () => {
    const res = await anon.request('GET', '/api/health');
    expect(res.status).toBe(200);
    // hls lists the on-air channels' live playlists (this stack has storage, so it is an array).
    expect(res.body).toMatchObject({ status: 'ok', database: true, livekit: true, reasons: [] });
    expect(Array.isArray((res.body as { hls: unknown }).hls)).toBe(true);
  });
});
