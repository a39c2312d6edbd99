import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { ChannelSummary } from '../../../src/types/channel';
import { requireEnv } from './env';

export type Credentials = { email: string; password: string };

/** Signs in through the real form and waits for its redirect to `next` (default "/"). */
export async function signIn(page: Page, { email, password }: Credentials, next = '/'): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/auth/sign-in') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  expect(response.status(), `sign-in for ${email} failed`).toBe(200);
  await expect(page).toHaveURL((url) => url.pathname + url.search === next);
}

/** Playwright's API requests send no Origin; the app refuses cookie-carrying writes without ours. */
export const sameOrigin = () => ({ origin: new URL(requireEnv('APP_URL')).origin });

/** A short unique suffix so reruns against one stack never collide. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** POST /api/admin/channels with the signed-in admin's cookies. */
export async function createChannel(
  request: APIRequestContext,
  input: { name: string; slug: string; description: string; timeZone?: string },
): Promise<ChannelSummary> {
  const res = await request.post('/api/admin/channels', { data: input, headers: sameOrigin() });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as ChannelSummary;
}

/** POST /api/admin/accounts (creates a DJ) with the signed-in admin's cookies; returns the account id. */
export async function createDj(request: APIRequestContext, input: { name: string } & Credentials): Promise<string> {
  const res = await request.post('/api/admin/accounts', { data: input, headers: sameOrigin() });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** DJs publish only inside their slot: lists the DJ on the channel and gives them the next `seconds`. */
export async function scheduleNow(request: APIRequestContext, channelId: string, userId: string, seconds = 2 * 3600): Promise<void> {
  await scheduleAt(request, channelId, userId, new Date(Math.floor(Date.now() / 1000) * 1000), seconds);
}

/** Lists (only) this DJ on the channel: they may hold slots there. */
export async function listDj(request: APIRequestContext, channelId: string, userId: string): Promise<void> {
  const list = await request.put(`/api/admin/channels/${channelId}/djs`, { data: { userIds: [userId] }, headers: sameOrigin() });
  expect(list.status(), await list.text()).toBe(200);
}

/** Lists the DJ on the channel (a UTC channel) and gives them a slot from `start` for `seconds`. */
export async function scheduleAt(
  request: APIRequestContext,
  channelId: string,
  userId: string,
  start: Date,
  seconds: number,
  title = 'E2E set',
): Promise<void> {
  await listDj(request, channelId, userId);
  const slot = await request.post(`/api/admin/channels/${channelId}/slots`, {
    data: { title, start: start.toISOString().slice(0, 19), durationSeconds: seconds, hostIds: [userId] },
    headers: sameOrigin(),
  });
  expect(slot.status(), await slot.text()).toBe(201);
}
