import { expect } from 'vitest';
import type { SlotDto } from '@/types/schedule';
import { type AppClient, createChannel, createDj } from './app-client';

/** A UTC instant as local wall-clock time in a UTC channel (new channels are UTC). */
export const utcLocal = (at: Date) => at.toISOString().slice(0, 19);

/** The next whole second at least `ms` from now (slot starts are whole seconds). */
export const wholeSecondIn = (ms: number) => new Date(Math.ceil((Date.now() + ms) / 1000) * 1000);

export async function listDjs(admin: AppClient, channelId: string, userIds: string[]): Promise<void> {
  const res = await admin.request('PUT', `/api/admin/channels/${channelId}/djs`, { userIds });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

export async function addSlot(
  admin: AppClient,
  channelId: string,
  hostIds: string[],
  start: Date,
  durationSeconds: number,
  title = 'Test set',
): Promise<SlotDto> {
  const res = await admin.request<SlotDto>('POST', `/api/admin/channels/${channelId}/slots`, {
    title,
    start: utcLocal(start),
    durationSeconds,
    hostIds,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Lists the DJ on the channel and gives them a slot running from now for `seconds` (default an hour). */
export async function scheduleNow(admin: AppClient, channelId: string, userId: string, seconds = 3600): Promise<SlotDto> {
  const current = await admin.request<{ djs: { id: string }[] }>('GET', `/api/admin/channels/${channelId}/djs`);
  await listDjs(admin, channelId, [...new Set([...current.body.djs.map((d) => d.id), userId])]);
  const start = new Date(Math.floor(Date.now() / 1000) * 1000);
  return addSlot(admin, channelId, [userId], start, seconds);
}

/** Sleeps until the wall-clock instant `at` (ms), e.g. a slot boundary. */
export const sleepUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

/** A fresh channel with new DJ accounts listed on it (no slots yet). */
export async function channelWithDjs(admin: AppClient, prefix: string, djNames: string[]) {
  const channel = await createChannel(admin, prefix);
  const djs = await Promise.all(djNames.map((n) => createDj(admin, n)));
  await listDjs(
    admin,
    channel.id,
    djs.map((d) => d.account.id),
  );
  return { channel, djs };
}
