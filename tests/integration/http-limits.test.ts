import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelListResponse, ChannelSummary } from '@/types/channel';
import { type AppClient, createChannel, signedInAdmin, uniqueSlug } from '../support/app-client';
import { envelope, rawRequest } from '../support/raw-http';
import { stackEnv } from '../support/stack-env';
import { signWebhook } from '../support/webhooks';

const env = stackEnv();
const url = (path: string) => new URL(path, env.APP_URL).toString();
const MB = 1024 * 1024;
let admin: AppClient;
let channel: ChannelSummary;

beforeAll(async () => {
  admin = await signedInAdmin();
  channel = await createChannel(admin, 'limits');
});

describe('request bodies are refused early', () => {
  it('answers 413 from Content-Length alone, before a 50 MB token body is sent', async () => {
    const reply = await rawRequest(url('/api/livekit/token'), {
      headers: { 'content-type': 'application/json', 'content-length': String(50 * MB) },
      stream: { chunk: Buffer.alloc(64 * 1024, 0x20), total: 50 * MB },
    });
    expect(reply.status).toBe(413);
    expect(envelope(reply).code).toBe('payload_too_large');
    expect(reply.bytesSent).toBeLessThan(10 * MB);
  });

  it('stops reading a chunked body once it passes the cap', async () => {
    const reply = await rawRequest(url('/api/livekit/token'), {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      stream: { chunk: Buffer.alloc(64 * 1024, 0x20), total: 50 * MB },
    });
    expect(reply.status).toBe(413);
    expect(reply.bytesSent).toBeLessThan(10 * MB);
  });

  it('refuses an unsigned webhook before reading its body', async () => {
    const reply = await rawRequest(url('/api/livekit/webhook'), {
      headers: { 'content-type': 'application/webhook+json', 'transfer-encoding': 'chunked' },
      stream: { chunk: Buffer.alloc(64 * 1024, 0x20), total: 20 * MB },
    });
    expect(reply.status).toBe(401);
    expect(reply.bytesSent).toBeLessThan(10 * MB);
  });

  it('caps a signed webhook at a few KB', async () => {
    const body = JSON.stringify({ event: 'room_started', padding: 'x'.repeat(MB) });
    const reply = await rawRequest(url('/api/livekit/webhook'), {
      headers: { 'content-type': 'application/webhook+json', authorization: await signWebhook(body, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET) },
      body,
    });
    expect(reply.status).toBe(413);
  });
});

describe('JSON routes require application/json', () => {
  it('answers 415 to text/plain and form bodies', async () => {
    const json = JSON.stringify({ channelId: channel.id, role: 'listener' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const reply = await rawRequest(url('/api/livekit/token'), { headers: { 'content-type': type }, body: json });
      expect(reply.status, type).toBe(415);
      expect(envelope(reply).code).toBe('unsupported_media_type');
    }
    const ok = await rawRequest(url('/api/livekit/token'), { headers: { 'content-type': 'application/json; charset=utf-8' }, body: json });
    expect(ok.status).toBe(200);
  });
});

describe('cross-site requests with an admin cookie', () => {
  const listSlugs = async () => (await admin.request<ChannelListResponse>('GET', '/api/channels')).body.channels.map((c) => c.slug);

  it('are refused on every state-changing admin route, and change nothing', async () => {
    const slug = uniqueSlug('csrf');
    const forged = { origin: 'http://evil.example', 'content-type': 'text/plain' };
    const attempts = [
      admin.requestWith('POST', '/api/admin/channels', JSON.stringify({ name: 'Evil', slug }), forged),
      admin.requestWith('POST', '/api/admin/accounts', JSON.stringify({ name: 'Evil', email: `${slug}@evil.example`, password: 'long-enough-password' }), forged),
      admin.requestWith('PATCH', `/api/admin/channels/${channel.id}`, JSON.stringify({ name: 'Pwned' }), { ...forged, 'content-type': 'application/json' }),
      admin.requestWith('DELETE', `/api/admin/channels/${channel.id}`, undefined, { origin: 'http://evil.example' }),
      admin.requestWith('POST', '/api/admin/channels', JSON.stringify({ name: 'Evil', slug }), { 'content-type': 'application/json' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect((res.body as { error: { code: string } }).error.code).toBe('invalid_origin');
    }
    expect(await listSlugs()).not.toContain(slug);
    expect(await listSlugs()).toContain(channel.slug);
    const accounts = await admin.request<{ accounts: { email: string }[] }>('GET', '/api/admin/accounts');
    expect(accounts.body.accounts.map((a) => a.email)).not.toContain(`${slug}@evil.example`);
  });
});

describe('partial channel updates', () => {
  it('change only what they name', async () => {
    const created = await admin.request<ChannelSummary>('POST', '/api/admin/channels', {
      name: 'Keeps', slug: uniqueSlug('keep'), description: 'Deep house every Friday',
    });
    const id = created.body.id;
    const renamed = await admin.request<ChannelSummary>('PATCH', `/api/admin/channels/${id}`, { name: 'Kept' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Kept', description: 'Deep house every Friday' });
    const empty = await admin.request('PATCH', `/api/admin/channels/${id}`, {});
    expect(empty.status).toBe(400);
    const after = await admin.request<ChannelSummary>('GET', `/api/channels/${created.body.slug}`);
    expect(after.body.description).toBe('Deep house every Friday');
  });
});
