// Follow (Web Push) against the real app: the subscription API's limits and proof, and a slot
// reminder sent with the app's web-push to a local stand-in push service that decrypts it
// (tests/support/push-service.ts), once, with a subscription the service calls gone deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowStatus, PushPayload } from '@/types/push';
import { AppClient, createChannel, createDj, signedInAdmin } from '../support/app-client';
import { type PushServiceStandIn, startPushService, type TestSubscription } from '../support/push-service';
import { addSlot, listDjs, wholeSecondIn } from '../support/schedule';

const metricsUrl = `http://127.0.0.1:${process.env.METRICS_PORT ?? ''}/metrics`;
const listener = new AppClient();
let admin: AppClient;
let service: PushServiceStandIn;

beforeAll(async () => {
  admin = await signedInAdmin();
  service = await startPushService();
});
afterAll(async () => {
  await service?.close();
});

const follow = (channel: string, sub: Pick<TestSubscription, 'endpoint' | 'keys'>) =>
  listener.request<FollowStatus>('POST', '/api/push/subscriptions', { channel, subscription: { endpoint: sub.endpoint, keys: sub.keys } });
const proof = (channel: string, sub: TestSubscription) => ({ channel, endpoint: sub.endpoint, auth: sub.keys.auth });
const following = async (channel: string, sub: TestSubscription) =>
  (await listener.request<FollowStatus>('POST', '/api/push/subscriptions/lookup', proof(channel, sub))).body.following;

/** Passes of the push task so far (the loop's own histogram). */
async function pushPasses(): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('radio_loop_pass_duration_seconds_count{') && l.includes('task="push-notifications"'));
  return Number(line?.split(' ').at(-1) ?? 0);
}

describe('follow a channel (Web Push)', () => {
  it('takes a subscription only as JSON, small, valid and on an allowed push service; unfollow needs the auth secret', async () => {
    const channel = await createChannel(admin, 'push-api');
    const sub = service.subscribe();
    const body = JSON.stringify({ channel: channel.slug, subscription: { endpoint: sub.endpoint, keys: sub.keys } });
    const raw = (headers: Record<string, string>, text = body) => listener.requestWith('POST', '/api/push/subscriptions', text, headers);
    const origin = listener.baseUrl;
    expect((await raw({ 'content-type': 'text/plain', origin })).status).toBe(415);
    expect(
      (await raw({ 'content-type': 'application/json', origin }, body.replace('"channel"', `"pad":"${'x'.repeat(5000)}","channel"`)))
        .status,
    ).toBe(413);
    expect((await follow(channel.slug, { ...sub, keys: { ...sub.keys, p256dh: 'short' } })).status).toBe(400);
    const elsewhere = await follow(channel.slug, { ...sub, endpoint: 'https://internal.example/hook' });
    expect(elsewhere.status).toBe(400);
    expect(JSON.stringify(elsewhere.body)).toMatch(/push service/);
    expect((await follow('no-such-channel', sub)).status).toBe(404);

    expect((await follow(channel.slug, sub)).status).toBe(201);
    expect(await following(channel.slug, sub)).toBe(true);
    const wrongAuth = { ...proof(channel.slug, sub), auth: service.subscribe().keys.auth };
    expect((await listener.request('DELETE', '/api/push/subscriptions', wrongAuth)).status).toBe(200);
    expect(await following(channel.slug, sub)).toBe(true);
    expect((await listener.request('DELETE', '/api/push/subscriptions', proof(channel.slug, sub))).status).toBe(200);
    expect(await following(channel.slug, sub)).toBe(false);
  });

  it('reminds followers 10 minutes before a slot, once, encrypted for each, and drops a subscription the service calls gone', async () => {
    const channel = await createChannel(admin, 'push-remind');
    const { account } = await createDj(admin, 'DJ Reminder');
    await listDjs(admin, channel.id, [account.id]);
    const kept = service.subscribe();
    const gone = service.subscribe(410);
    expect((await follow(channel.slug, kept)).status).toBe(201);
    expect((await follow(channel.slug, gone)).status).toBe(201);
    await addSlot(admin, channel.id, [account.id], wholeSecondIn(9 * 60_000 + 30_000), 1800, 'Morning Drift');
    // Following again changes nothing but wakes the push task now (else its 15 s safety pass would find the slot).
    expect((await follow(channel.slug, kept)).status).toBe(201);

    const to = (sub: TestSubscription) =>
      service.received.filter((r) => sub.endpoint.endsWith(r.path)).map((r) => r.payload as PushPayload);
    await expect.poll(() => to(kept).length, { timeout: 10_000 }).toBe(1);
    expect(to(kept)[0]).toMatchObject({ kind: 'reminder', channel: channel.slug, url: `/c/${channel.slug}` });
    expect(to(kept)[0]?.title).toContain(channel.name);
    expect(to(kept)[0]?.body).toMatch(/^Morning Drift with DJ Reminder starts in (9|10) minutes\.$/);
    expect(service.received.find((r) => r.path === new URL(kept.endpoint).pathname)?.vapidKey).toBe(process.env.VAPID_PUBLIC_KEY);
    await expect.poll(() => following(channel.slug, gone), { timeout: 10_000 }).toBe(false);

    // Never twice: a new follower wakes two passes (the second surely starting after it was
    // stored); the reminder already went out, so nobody gets it again.
    const late = service.subscribe();
    const before = await pushPasses();
    expect((await follow(channel.slug, late)).status).toBe(201);
    expect((await follow(channel.slug, late)).status).toBe(201);
    await expect.poll(pushPasses, { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 2);
    expect(to(late)).toEqual([]);
    expect(to(kept)).toHaveLength(1);
  });
});
