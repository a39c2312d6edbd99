import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { ChannelSummary } from '../../../src/types/channel';

export type Credentials = { email: string; password: string };

/** Signs in through the real form and waits until the app has navigated away from it. */
export async function signIn(page: Page, { email, password }: Credentials, next?: string): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** A short unique suffix so reruns against one stack never collide. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** POST /api/admin/channels with the signed-in admin's cookies. */
export async function createChannel(
  request: APIRequestContext,
  input: { name: string; slug: string; description: string },
): Promise<ChannelSummary> {
  const res = await request.post('/api/admin/channels', { data: input });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as ChannelSummary;
}

/** POST /api/admin/accounts (creates a DJ) with the signed-in admin's cookies. */
export async function createDj(
  request: APIRequestContext,
  input: { name: string } & Credentials,
): Promise<void> {
  const res = await request.post('/api/admin/accounts', { data: input });
  expect(res.status(), await res.text()).toBe(201);
}
