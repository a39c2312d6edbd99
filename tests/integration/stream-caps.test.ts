// One client cannot hold an unbounded number of event streams (the review held 1,347).
// Each test speaks from its own loopback address, so other tests' streams do not count.
import http from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelSummary } from '@/types/channel';
import { MAX_EVENT_STREAMS_PER_CLIENT } from '@/server/live/stream-caps';
import { createChannel, signedInAdmin } from '../support/app-client';
import { stackEnv } from '../support/stack-env';

const env = stackEnv();
type Open = { status: number; body: Promise<string>; close: () => void };
let opened: Open[] = [];
let channel: ChannelSummary;

/** Opens a GET and resolves at its response head; the stream stays open until closed. */
function openFrom(localAddress: string, path: string): Promise<Open> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(path, env.APP_URL), { localAddress }, (res) => {
      let text = '';
      const body = new Promise<string>((done) => {
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => done(text));
        res.on('close', () => done(text));
      });
      const open = { status: res.statusCode ?? 0, body, close: () => req.destroy() };
      opened.push(open);
      resolve(open);
    });
    req.on('error', reject);
  });
}

beforeAll(async () => {
  channel = await createChannel(await signedInAdmin(), 'sse-per-client');
});
afterEach(() => {
  for (const o of opened) o.close();
  opened = [];
});

describe('event streams per client', () => {
  it('are capped: the next one gets 429 with the error envelope, another client is unaffected', { timeout: 60_000 }, async () => {
    const path = `/api/channels/${channel.slug}/events`;
    const first = [];
    for (let i = 0; i < MAX_EVENT_STREAMS_PER_CLIENT; i++) first.push(await openFrom('127.0.0.41', path));
    expect(first.map((o) => o.status)).toEqual(first.map(() => 200));

    const refused = await openFrom('127.0.0.41', path);
    expect(refused.status).toBe(429);
    expect(JSON.parse(await refused.body)).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await openFrom('127.0.0.42', path)).status).toBe(200);

    // A closed stream frees its place.
    first[0]!.close();
    await expect.poll(async () => (await openFrom('127.0.0.41', path)).status, { timeout: 5_000, interval: 200 }).toBe(200);
  });
});
