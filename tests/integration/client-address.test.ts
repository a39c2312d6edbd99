// Rate limits key on the client's real address: a client reaching the app
// directly cannot pick its own key with X-Forwarded-For, and behind a trusted
// proxy only the hop that proxy wrote counts.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelSummary } from '@/types/channel';
import { createChannel, signedInAdmin } from '../support/app-client';
import { rawRequest } from '../support/raw-http';
import { stackEnv } from '../support/stack-env';

const env = stackEnv();
const LISTENER_LIMIT = Number(process.env.LISTENER_TOKEN_RATE_LIMIT ?? 30);
const SIGN_IN_LIMIT = Number(process.env.AUTH_SIGN_IN_RATE_LIMIT ?? 10);
/** A failed sign-in costs a password hash by design; dozens of them take a while on 2 busy cores. */
const SIGN_IN_TEST_TIMEOUT = 120_000;
let channel: ChannelSummary;

function post(base: string, route: string, payload: unknown, headers: Record<string, string>, localAddress?: string) {
  return rawRequest(new URL(route, base).toString(), {
    headers: { 'content-type': 'application/json', origin: env.APP_URL, ...headers },
    body: JSON.stringify(payload),
    localAddress,
  });
}

/** Sends until the first 429 (or `max` requests); returns how many got through first. */
async function allowedBefore429(send: (i: number) => ReturnType<typeof post>, max: number): Promise<number> {
  for (let i = 0; i < max; i += 1) if ((await send(i)).status === 429) return i;
  return max;
}

/** Sends `count` at once (a failed sign-in is slow by design); returns how many were not limited. */
async function notLimited(send: (i: number) => ReturnType<typeof post>, count: number): Promise<number> {
  const replies = await Promise.all(Array.from({ length: count }, (_, i) => send(i)));
  return replies.filter((r) => r.status !== 429).length;
}

beforeAll(async () => {
  channel = await createChannel(await signedInAdmin(), 'addr');
});

describe('a client reaching the app directly (TRUSTED_PROXY_HOPS=0)', () => {
  it('cannot escape the listener token limit with a new X-Forwarded-For per request', async () => {
    const send = (i: number) =>
      post(
        env.APP_URL,
        '/api/livekit/token',
        { channelId: channel.id, role: 'listener' },
        { 'x-forwarded-for': `198.51.100.${i % 250}` },
        '127.0.0.21',
      );
    expect(await allowedBefore429(send, LISTENER_LIMIT * 3)).toBe(LISTENER_LIMIT);
  });

  it(
    'cannot escape the sign-in limit that way either',
    async () => {
      const send = (i: number) =>
        post(
          env.APP_URL,
          '/api/auth/sign-in/email',
          { email: env.TEST_ADMIN_EMAIL, password: 'wrong-password-guess' },
          { 'x-forwarded-for': `198.51.100.${i % 250}` },
          '127.0.0.22',
        );
      expect(await notLimited(send, SIGN_IN_LIMIT + 5)).toBe(SIGN_IN_LIMIT);
    },
    SIGN_IN_TEST_TIMEOUT,
  );
});

describe('behind one trusted proxy (TRUSTED_PROXY_HOPS=1)', () => {
  // A second app server on the same database and LiveKit, configured as if a TLS proxy stood in front.
  const port = 3150 + Number(process.env.STACK_PORT_OFFSET ?? 0);
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess;

  beforeAll(async () => {
    const root = path.resolve(__dirname, '..', '..');
    server = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['server.ts', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: root,
      env: { ...process.env, TRUSTED_PROXY_HOPS: '1' },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 60_000;
    while (
      !(await fetch(`${base}/api/health`).then(
        () => true,
        () => false,
      ))
    ) {
      if (server.exitCode !== null) throw new Error(`the second app server exited with ${server.exitCode}`);
      if (Date.now() > deadline) throw new Error(`the second app server did not answer on ${base} within 60 s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('keys on the hop the proxy appended, ignoring what the client wrote before it', async () => {
    const send = (client: string) => (i: number) =>
      post(base, '/api/livekit/token', { channelId: channel.id, role: 'listener' }, { 'x-forwarded-for': `10.9.${i % 250}.1, ${client}` });
    expect(await allowedBefore429(send('203.0.113.7'), LISTENER_LIMIT * 3)).toBe(LISTENER_LIMIT);
    // Another client behind the same proxy has its own bucket.
    expect((await send('203.0.113.8')(0)).status).toBe(200);
  });

  it(
    'gives every proxied client its own sign-in bucket (no shared "unknown" bucket)',
    async () => {
      const guess = (client: string) => () =>
        post(
          base,
          '/api/auth/sign-in/email',
          { email: env.TEST_ADMIN_EMAIL, password: 'wrong-password-guess' },
          { 'x-forwarded-for': `6.6.6.6, ${client}` },
        );
      expect(await notLimited(guess('203.0.113.30'), SIGN_IN_LIMIT + 5)).toBe(SIGN_IN_LIMIT);
      expect((await guess('203.0.113.31')()).status).toBe(401);
    },
    SIGN_IN_TEST_TIMEOUT,
  );
});
