import { randomUUID } from 'node:crypto';
import type { AccountSummary } from '@/types/account';
import type { ChannelSummary } from '@/types/channel';
import type { TokenResponse } from '@/types/room';
import { rawRequest } from './raw-http';
import { stackEnv } from './stack-env';

/** 127.0.1.1-250, apart from the 127.0.0.x addresses the limit tests use. */
let signIns = 0;
const nextSignInAddress = () => `127.0.1.${(signIns++ % 250) + 1}`;

export type ApiResult<T = unknown> = { status: number; body: T; headers: Headers };

/** A tiny HTTP client for the running app, optionally signed in through better-auth. */
export class AppClient {
  private cookie = '';
  /** Our pages' origin (APP_URL), which state-changing requests carry even when sent to one replica. */
  private readonly origin = stackEnv().APP_URL;

  /** baseUrl: APP_URL, or one replica's own URL behind it (--cluster). */
  constructor(readonly baseUrl = stackEnv().APP_URL) {}

  /** The same session against another base URL (a replica of a --cluster stack). */
  at(baseUrl: string): AppClient {
    const client = new AppClient(baseUrl);
    client.cookie = this.cookie;
    return client;
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, rawBody?: string): Promise<ApiResult<T>> {
    // Like a browser on our own pages: state-changing requests carry our Origin.
    const headers = { 'content-type': 'application/json', origin: this.origin };
    return this.requestWith<T>(method, path, rawBody ?? (body === undefined ? undefined : JSON.stringify(body)), headers);
  }

  /** A request with exactly these headers (plus the session cookie), e.g. a forged cross-site one. */
  async requestWith<T = unknown>(
    method: string,
    path: string,
    body: string | Uint8Array<ArrayBuffer> | undefined,
    headers: Record<string, string>,
  ): Promise<ApiResult<T>> {
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body,
      redirect: 'manual',
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (e.g. an HTML page); keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async signIn(email: string, password: string): Promise<this> {
    // Each sign-in from its own loopback address: the suite signs in far more often than the
    // product's per-client limit allows one person (tests/integration/rate-limit.test.ts proves
    // that limit on its own addresses), and a fast run must not meet it by accident.
    const res = await rawRequest(new URL('/api/auth/sign-in/email', this.baseUrl).href, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.origin },
      body: JSON.stringify({ email, password }),
      localAddress: nextSignInAddress(),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${res.body}`);
    const cookies = res.headers['set-cookie'] ?? [];
    this.cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    return this;
  }
}

export async function signedInAdmin(): Promise<AppClient> {
  const env = stackEnv();
  return new AppClient().signIn(env.TEST_ADMIN_EMAIL, env.TEST_ADMIN_PASSWORD);
}

export const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function createChannel(admin: AppClient, prefix = 'it'): Promise<ChannelSummary> {
  const slug = uniqueSlug(prefix);
  const res = await admin.request<ChannelSummary>('POST', '/api/admin/channels', { name: `Channel ${slug}`, slug });
  if (res.status !== 201) throw new Error(`create channel failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates a DJ account and returns a client signed in as that DJ. */
export async function createDj(admin: AppClient, name = 'DJ Test'): Promise<{ dj: AppClient; account: AccountSummary }> {
  const email = `${uniqueSlug('dj')}@test.local`;
  const password = `pw-${randomUUID()}`;
  const res = await admin.request<AccountSummary>('POST', '/api/admin/accounts', { name, email, password });
  if (res.status !== 201) throw new Error(`create DJ failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { dj: await new AppClient().signIn(email, password), account: res.body };
}

/** A room token from the app's token route; anything but 200 throws with the response. */
export async function roomToken(client: AppClient, channelId: string, role: 'dj' | 'listener'): Promise<TokenResponse> {
  const res = await client.request<TokenResponse>('POST', '/api/livekit/token', { channelId, role });
  if (res.status !== 200) throw new Error(`token (${role}) failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
