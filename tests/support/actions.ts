// Admin actions in tests: waiting for the loop to finish one, and New key through the API. It answers 200 with the new key, or 202 while the loop still works on
// LiveKit's side, with the key only if the new ingress already exists: then wait for the action
// and read the input back, as the console does.
import { expect } from 'vitest';
import type { ActionResponse } from '@/types/action';
import type { IngressEndpoint, IngressListResponse } from '@/types/ingress';
import type { AppClient } from './app-client';

/** Waits until the loop finished an action's LiveKit side. */
export async function actionDone(client: AppClient, id: string, timeout = 30_000): Promise<void> {
  await expect
    .poll(async () => (await client.request<ActionResponse>('GET', `/api/actions/${id}`)).body.action.status, { timeout, interval: 200 })
    .toBe('done');
}

export async function rotateKey(client: AppClient, endpoint: IngressEndpoint): Promise<IngressEndpoint> {
  const res = await client.request<Partial<IngressEndpoint> & ActionResponse>('POST', `/api/livekit/ingress/${endpoint.id}/rotate`, {});
  expect([200, 202], JSON.stringify(res.body)).toContain(res.status);
  await actionDone(client, res.body.action.id);
  const list = await client.request<IngressListResponse>('GET', `/api/livekit/ingress?channelId=${endpoint.channelId}`);
  const fresh = list.body.endpoints.find((e) => e.id === endpoint.id);
  expect(fresh, JSON.stringify(list.body)).toBeDefined();
  return fresh as IngressEndpoint;
}
