// Follow a channel: the listener's Follow button, the app's web-push sending a go-live notice when
// the DJ goes on air, and the real service worker showing it. Chromium here cannot reach a push
// service, so that one hop is stood in for: pushManager.subscribe() hands out a subscription on a
// local push service (tests/support/push-service.ts) that decrypts what the app sends (RFC 8291),
// and the decrypted payload goes to the page's registered worker through the DevTools protocol's
// ServiceWorker.deliverPushMessage, as a push service's delivery would.
import { expect, test, type BrowserContext } from '@playwright/test';
import type { PushPayload } from '../../src/types/push';
import { startPushService, type PushServiceStandIn, type TestSubscription } from '../support/push-service';
import { createChannel, createDj, scheduleNow, signIn, uniqueSuffix } from './support/accounts';
import { requireEnv } from './support/env';

test.describe.configure({ mode: 'serial' });

/** Stands in for the browser's push service registration: the subscription is the test's. */
function fakeSubscribe({ endpoint, keys }: { endpoint: string; keys: { p256dh: string; auth: string } }) {
  const fake = {
    endpoint,
    expirationTime: null,
    options: { applicationServerKey: null as ArrayBuffer | null, userVisibleOnly: true },
    toJSON: () => ({ endpoint, expirationTime: null, keys }),
    unsubscribe: async () => (sessionStorage.removeItem('test-push'), true),
  };
  PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
    const key = options?.applicationServerKey;
    fake.options.applicationServerKey = key instanceof Uint8Array ? new Uint8Array(key as Uint8Array).buffer : null;
    sessionStorage.setItem('test-push', '1');
    return fake as unknown as PushSubscription;
  };
  PushManager.prototype.getSubscription = async () => (sessionStorage.getItem('test-push') ? (fake as unknown as PushSubscription) : null);
}

test.describe('follow a channel (Web Push)', () => {
  const suffix = uniqueSuffix();
  const slug = `push-${suffix}`;
  const name = `Push ${suffix}`;
  const dj = { name: `DJ Notify ${suffix}`, email: `dj-push-${suffix}@test.local`, password: `pw-${suffix}-long-enough` };
  const origin = new URL(requireEnv('APP_URL')).origin;
  const contexts: BrowserContext[] = [];
  let service: PushServiceStandIn;
  let sub: TestSubscription;

  test.beforeAll(async ({ browser }) => {
    service = await startPushService();
    sub = service.subscribe();
    const admin = await browser.newContext();
    contexts.push(admin);
    const page = await admin.newPage();
    await signIn(page, { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') });
    const channel = await createChannel(page.request, { name, slug, description: 'Followers hear first.' });
    await scheduleNow(page.request, channel.id, await createDj(page.request, dj));
  });

  test.afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await service?.close();
  });

  test('says so when notifications are not allowed', async ({ browser }) => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/c/${slug}`);
    await expect(page.getByTestId('follow')).toHaveAttribute('data-phase', 'not-following');
    await page.getByTestId('follow-button').click();
    await expect(page.getByTestId('follow-error')).toContainText(/blocked|not allowed/);
    await expect(page.getByTestId('follow')).toHaveAttribute('data-phase', 'not-following');
  });

  test('a follower gets a go-live notice, encrypted by the app and shown by the service worker, then unfollows', async ({ browser }) => {
    const context = await browser.newContext();
    contexts.push(context);
    await context.grantPermissions(['notifications'], { origin });
    await context.addInitScript(fakeSubscribe, { endpoint: sub.endpoint, keys: sub.keys });
    const page = await context.newPage();
    await page.goto(`/c/${slug}`);
    const follow = page.getByTestId('follow');
    await expect(follow).toHaveAttribute('data-phase', 'not-following');
    await page.getByTestId('follow-button').click();
    await expect(follow).toHaveAttribute('data-phase', 'following');
    await expect(page.getByTestId('follow-note')).toContainText('10 minutes');
    await page.reload();
    await expect(follow).toHaveAttribute('data-phase', 'following');

    // The DJ goes on air from the console: the app learns it from LiveKit's webhook.
    const djContext = await browser.newContext();
    contexts.push(djContext);
    const djPage = await djContext.newPage();
    await signIn(djPage, dj, `/dj/${slug}`);
    await djPage.getByTestId('go-live-button').click();
    await expect(djPage.getByTestId('broadcast-status')).toHaveAttribute('data-state', 'live');

    const received = () => service.received.filter((r) => sub.endpoint.endsWith(r.path));
    await expect.poll(() => received().length, { timeout: 20_000 }).toBe(1);
    const notice = received()[0];
    const payload = notice?.payload as PushPayload;
    expect(payload).toMatchObject({ kind: 'live', title: `${name} is live`, channel: slug, url: `/c/${slug}` });
    expect(payload.body).toContain(dj.name);
    expect(notice?.vapidKey).toBe(requireEnv('VAPID_PUBLIC_KEY'));
    expect(notice?.audience).toBe(new URL(sub.endpoint).origin);

    // Deliver it to the page's real service worker, as the push service would.
    const cdp = await context.newCDPSession(page);
    const registrations = new Map<string, { scopeURL: string; isDeleted: boolean }>();
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
      for (const r of e.registrations) registrations.set(r.registrationId, r);
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = () => [...registrations].find(([, r]) => r.scopeURL === `${origin}/` && !r.isDeleted)?.[0];
    await expect.poll(registrationId).toBeTruthy();
    // A push reaches only an activated worker; on a busy machine activation can trail the registration.
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe('activated');
    const shown = () =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          tag: n.tag,
          url: (n.data as { url?: string } | null)?.url,
          actions: (n as Notification & { actions?: { action: string }[] }).actions?.map((a) => a.action) ?? [],
        })),
      );
    // Delivered again if it is not shown, as a push service redelivers until the browser takes it;
    // the notice's tag makes a second delivery replace the first, so one notice is still expected.
    await expect(async () => {
      await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId: registrationId() ?? '', data: JSON.stringify(payload) });
      await expect
        .poll(shown, { timeout: 5_000 })
        .toEqual([{ title: payload.title, body: payload.body, tag: `live:${slug}`, url: `/c/${slug}`, actions: ['unfollow'] }]);
    }).toPass({ timeout: 20_000 });

    // Unfollow from the page: the app forgets the subscription.
    await page.getByTestId('follow-button').click();
    await expect(follow).toHaveAttribute('data-phase', 'not-following');
    const lookup = await page.request.post('/api/push/subscriptions/lookup', {
      data: { channel: slug, endpoint: sub.endpoint, auth: sub.keys.auth },
      headers: { origin },
    });
    expect(await lookup.json()).toEqual({ following: false });
  });
});
