import type { ChannelSummary } from '../../src/types/channel';
import { fail, requireEnv } from './env';

export type Credentials = { email: string; password: string };
export type Fixture = { appUrl: string; channel: ChannelSummary; dj: Credentials & { name: string } };

/** Errors are `{error:{code,message}}`; show them verbatim when setup fails. */
async function expectStatus(res: Response, status: number, what: string): Promise<void> {
  if (res.status !== status) fail(`${what}: HTTP ${res.status} ${await res.text()}`);
}

/** Better Auth email sign-in; returns a Cookie header value. `origin` is checked against APP_URL. */
export async function signIn(appUrl: string, creds: Credentials): Promise<string> {
  const res = await fetch(`${appUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appUrl },
    body: JSON.stringify(creds),
  });
  await expectStatus(res, 200, `sign-in as ${creds.email}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  if (cookies.length === 0) fail(`sign-in as ${creds.email} set no cookie`);
  return cookies.join('; ');
}

export async function postJson(appUrl: string, route: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${appUrl}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appUrl, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/** JSON calls against the app that fail the bench, with the app's answer, on any status but the expected one. */
export function apiCaller(appUrl: string) {
  return async <T>(method: string, route: string, body: unknown, cookie?: string, status = 200): Promise<T> => {
    const res = await fetch(`${appUrl}${route}`, {
      method,
      headers: { 'content-type': 'application/json', origin: appUrl, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    await expectStatus(res, status, `${method} ${route}`);
    return (await res.json()) as T;
  };
}

/** A unique suffix so repeated runs against one stack never collide. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** Signs in as the harness's admin and creates a fresh channel and DJ account for one bench. */
export async function createFixture(prefix: string): Promise<Fixture> {
  const appUrl = requireEnv('APP_URL');
  const admin = await signIn(appUrl, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') });
  const suffix = uniqueSuffix();
  const slug = `${prefix}-${suffix}`;
  const channelRes = await postJson(appUrl, '/api/admin/channels', { name: `Bench ${slug}`, slug, description: 'benchmark' }, admin);
  await expectStatus(channelRes, 201, 'create channel');
  const channel = (await channelRes.json()) as ChannelSummary;
  const dj = { name: `Bench DJ ${suffix}`, email: `dj-${suffix}@bench.local`, password: `pw-${suffix}-long-enough` };
  const accountRes = await postJson(appUrl, '/api/admin/accounts', dj, admin);
  await expectStatus(accountRes, 201, 'create DJ account');
  const { id } = (await accountRes.json()) as { id: string };
  await giveSlotNow(appUrl, admin, channel.id, id);
  return { appUrl, channel, dj };
}

/** DJs publish only inside their slot: list the DJ on the channel and give them the next two hours. */
async function giveSlotNow(appUrl: string, admin: string, channelId: string, userId: string): Promise<void> {
  const list = await fetch(`${appUrl}/api/admin/channels/${channelId}/djs`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin: appUrl, cookie: admin },
    body: JSON.stringify({ userIds: [userId] }),
  });
  await expectStatus(list, 200, 'list DJ on channel');
  const start = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().slice(0, 19);
  const slot = { title: 'Bench set', start, durationSeconds: 2 * 3600, hostIds: [userId] };
  await expectStatus(await postJson(appUrl, `/api/admin/channels/${channelId}/slots`, slot, admin), 201, 'create slot');
}
