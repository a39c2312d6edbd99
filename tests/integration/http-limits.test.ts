import http from 'node:http';
import type { Socket } from 'node:net';
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

/** Long enough for a loaded machine; a server waiting for the held body never answers at all. */
const ANSWER_WITHIN_MS = 20_000;
const chunk = Buffer.alloc(64 * 1024, 0x20);

/**
 * Sends `sent` bytes of a body and then holds the request open, never finishing it: an answer
 * can only come from a server that decided without reading the whole body (no byte counting,
 * so a slow socket close cannot make it flaky).
 */
function heldBody(path: string, headers: Record<string, string>, sent: number) {
  return rawRequest(url(path), { headers, stream: { chunk, total: sent, hold: true }, timeoutMs: ANSWER_WITHIN_MS });
}

describe('request bodies are refused early', () => {
  it('answers 413 from Content-Length alone, before a 50 MB token body is sent', async () => {
    const reply = await heldBody('/api/livekit/token', { 'content-type': 'application/json', 'content-length': String(50 * MB) }, MB);
    expect(reply.status).toBe(413);
    expect(envelope(reply).code).toBe('payload_too_large');
  });

  it('stops reading a chunked body once it passes the cap', async () => {
    const reply = await heldBody('/api/livekit/token', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, MB);
    expect(reply.status).toBe(413);
    expect(envelope(reply).code).toBe('payload_too_large');
  });

  it('refuses an unsigned webhook before reading its body', async () => {
    // Declared within every cap, so only the route's own signature check can answer before the body is complete.
    const reply = await heldBody(
      '/api/livekit/webhook',
      { 'content-type': 'application/webhook+json', 'content-length': String(60 * 1024) },
      16 * 1024,
    );
    expect(reply.status).toBe(401);
  });

  it('caps a signed webhook at a few KB', async () => {
    const body = JSON.stringify({ event: 'room_started', padding: 'x'.repeat(MB) });
    const reply = await rawRequest(url('/api/livekit/webhook'), {
      headers: {
        'content-type': 'application/webhook+json',
        authorization: await signWebhook(body, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET),
      },
      body,
    });
    expect(reply.status).toBe(413);
  });
});

describe('every route and page is capped before its body is read, better-auth included', () => {
  const targets = ['/api/auth/sign-in/email', '/api/auth/sign-up/email', '/', '/sign-in', '/c/no-such-channel', '/api/no-such-route'];

  it.each(targets)('%s: 413 from a 50 MB Content-Length, answered while the body is still held', async (path) => {
    const reply = await heldBody(
      path,
      { 'content-type': 'application/json', origin: env.APP_URL, 'content-length': String(50 * MB) },
      256 * 1024,
    );
    expect(reply.status).toBe(413);
    expect(envelope(reply)).toMatchObject({ code: 'payload_too_large' });
  });

  it.each(targets)('%s: a chunked body is cut at the cap with a 413', async (path) => {
    const reply = await heldBody(path, { 'content-type': 'application/json', origin: env.APP_URL, 'transfer-encoding': 'chunked' }, MB);
    expect(reply.status).toBe(413);
    expect(envelope(reply)).toMatchObject({ code: 'payload_too_large' });
  });

  it('small chunked bodies still reach better-auth and the routes intact', async () => {
    const signIn = JSON.stringify({ email: env.TEST_ADMIN_EMAIL, password: env.TEST_ADMIN_PASSWORD });
    const reply = await rawRequest(url('/api/auth/sign-in/email'), {
      headers: { 'content-type': 'application/json', origin: env.APP_URL, 'transfer-encoding': 'chunked' },
      stream: { chunk: Buffer.from(signIn), total: signIn.length },
    });
    expect(reply.status, reply.body).toBe(200);
    const json = JSON.stringify({ channelId: channel.id, role: 'listener' });
    const token = await rawRequest(url('/api/livekit/token'), {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      stream: { chunk: Buffer.from(json), total: json.length },
    });
    expect(token.status, token.body).toBe(200);
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
  const listSlugs = async (q: string) =>
    (await admin.request<ChannelListResponse>('GET', `/api/channels?q=${q}`)).body.channels.map((c) => c.slug);

  it('are refused on every state-changing admin route, and change nothing', async () => {
    const slug = uniqueSlug('csrf');
    const forged = { origin: 'http://evil.example', 'content-type': 'text/plain' };
    const attempts = [
      admin.requestWith('POST', '/api/admin/channels', JSON.stringify({ name: 'Evil', slug }), forged),
      admin.requestWith(
        'POST',
        '/api/admin/accounts',
        JSON.stringify({ name: 'Evil', email: `${slug}@evil.example`, password: 'long-enough-password' }),
        forged,
      ),
      admin.requestWith('PATCH', `/api/admin/channels/${channel.id}`, JSON.stringify({ name: 'Pwned' }), {
        ...forged,
        'content-type': 'application/json',
      }),
      admin.requestWith('DELETE', `/api/admin/channels/${channel.id}`, undefined, { origin: 'http://evil.example' }),
      admin.requestWith('POST', '/api/admin/channels', JSON.stringify({ name: 'Evil', slug }), { 'content-type': 'application/json' }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect((res.body as { error: { code: string } }).error.code).toBe('invalid_origin');
    }
    expect(await listSlugs(slug)).not.toContain(slug);
    expect(await listSlugs(channel.slug)).toContain(channel.slug);
    const accounts = await admin.request<{ accounts: { email: string }[] }>('GET', '/api/admin/accounts');
    expect(accounts.body.accounts.map((a) => a.email)).not.toContain(`${slug}@evil.example`);
  });
});

describe('partial channel updates', () => {
  it('change only what they name', async () => {
    const created = await admin.request<ChannelSummary>('POST', '/api/admin/channels', {
      name: 'Keeps',
      slug: uniqueSlug('keep'),
      description: 'Deep house every Friday',
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

describe('keep-alive', () => {
  /** A GET through `agent`, with the socket it went over. */
  function get(agent: http.Agent, path: string): Promise<{ status: number; socket: Socket | null }> {
    return new Promise((resolve, reject) => {
      const req = http.get(url(path), { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
      });
      req.on('error', reject);
    });
  }

  // Node's default closes an idle socket after 5 s, racing a client (or Caddy) that reuses it: ECONNRESET.
  it("keeps an idle connection past Node's 5 s default, so the next request reuses it", { timeout: 30_000 }, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(agent, '/api/health');
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const second = await get(agent, '/api/health');
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(first.socket).not.toBeNull();
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  });
});
