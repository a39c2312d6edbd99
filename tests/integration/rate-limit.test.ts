import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelSummary } from '@/types/channel';
import { createChannel, signedInAdmin } from '../support/app-client';
import { stackEnv } from '../support/stack-env';

const env = stackEnv();
/** A failed sign-in costs a password hash by design; dozens of them take a while on 2 busy cores. */
const SIGN_IN_TEST_TIMEOUT = 120_000;
let channel: ChannelSummary;

type Reply = { status: number; retryAfter: string | undefined };

/** POSTs JSON from a given loopback source address: to the app, a distinct client. */
function postFrom(localAddress: string, path: string, payload: unknown): Promise<Reply> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, env.APP_URL),
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', origin: env.APP_URL } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const requestFrom = (localAddress: string) => postFrom(localAddress, '/api/livekit/token', { channelId: channel.id, role: 'listener' });

async function exhaust(send: () => Promise<Reply>): Promise<Reply[]> {
  const replies: Reply[] = [];
  for (let i = 0; i < 200; i += 1) {
    const reply = await send();
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
    const replies = await exhaust(() => requestFrom('127.0.0.2'));
    const last = replies.at(-1);
    expect(last?.status).toBe(429);
    expect(Number(last?.retryAfter)).toBeGreaterThan(0);
    expect(replies.slice(0, -1).every((r) => r.status === 200)).toBe(true);
    expect(replies.length - 1).toBe(Number(process.env.LISTENER_TOKEN_RATE_LIMIT ?? 30));

    // Another client is unaffected.
    expect((await requestFrom('127.0.0.3')).status).toBe(200);
  });
});

describe('sign-in rate limit', () => {
  it(
    'stops password guessing from one client',
    async () => {
      const guess = () =>
        postFrom('127.0.0.4', '/api/auth/sign-in/email', { email: env.TEST_ADMIN_EMAIL, password: 'wrong-password-guess' });
      const replies = await exhaust(guess);
      expect(replies.at(-1)?.status).toBe(429);
      expect(replies.slice(0, -1).every((r) => r.status === 401)).toBe(true);
      expect(replies.length - 1).toBe(Number(process.env.AUTH_SIGN_IN_RATE_LIMIT ?? 10));
    },
    SIGN_IN_TEST_TIMEOUT,
  );
});
