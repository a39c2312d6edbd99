import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelSummary } from '@/types/channel';
import { createChannel, signedInAdmin } from '../support/app-client';
import { stackEnv } from '../support/stack-env';

const env = stackEnv();
let channel: ChannelSummary;

type Reply = { status: number; retryAfter: string | undefined };

/** POSTs a listener token request from a given loopback source address: a distinct client to the app. */
function requestFrom(localAddress: string, extraHeaders: Record<string, string> = {}): Promise<Reply> {
  const body = JSON.stringify({ channelId: channel.id, role: 'listener' });
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL('/api/livekit/token', env.APP_URL),
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', ...extraHeaders } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function exhaust(localAddress: string): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (let i = 0; i < 200; i += 1) {
    const reply = await requestFrom(localAddress);
    replies.push(reply);
    if (reply.status === 429) break;
  }
  return replies;
}

beforeAll(async () => {
  channel = await createChannel(await signedInAdmin(), 'rate');
});

describe('listener token rate limit', () => {
  it('limits each client on its own and says when to retry', async () => {
    const replies = await exhaust('127.0.0.2');
    const last = replies.at(-1);
    expect(last?.status).toBe(429);
    expect(Number(last?.retryAfter)).toBeGreaterThan(0);
    expect(replies.slice(0, -1).every((r) => r.status === 200)).toBe(true);
    expect(replies.length - 1).toBe(Number(process.env.LISTENER_TOKEN_RATE_LIMIT ?? 30));

    // Another client is unaffected.
    expect((await requestFrom('127.0.0.3')).status).toBe(200);
  });
});
